"""A meeting taken away to the chair's laptop and back, and the meetings' calendar invitations:
the dialogs behind Meeting > Take away for the chair…, File > Open a meeting taken away…,
Meeting > Return to the agency…, File > Merge a returned meeting… and Meeting > Send
invitations…, and the banner a laptop's store shows. The work is the core's
(``panelapp.takeaway``, ``panelapp.invitations``); these only gather files, passphrases and
choices and run it through the task runner."""
