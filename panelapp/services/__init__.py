"""Services: every change a user makes goes through these functions.

Each takes a session and the acting user, checks what that user may do,
validates, writes in the caller's one transaction with an audit event, and
returns plain data.
"""
