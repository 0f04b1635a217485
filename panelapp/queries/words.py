"""Sentences the screens share, written once."""


def views_sentence(votes_for: int | None, votes_against: int | None, votes_abstain: int | None) -> str:
    """Members' views as the screens give them: "5 for, 1 against, 0 abstaining", or "a consensus"
    when no views were taken."""
    if votes_for is None:
        return "a consensus"
    return f"{votes_for} for, {votes_against} against, {votes_abstain} abstaining"
