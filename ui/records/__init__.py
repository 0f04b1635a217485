"""Households, children and the central list, with their forms and panel history."""
