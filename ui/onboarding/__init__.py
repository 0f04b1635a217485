"""The first screens: welcome, a new agency, signing in, the first account."""
