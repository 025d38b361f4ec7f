"""What other apps do after something happens in a negotiation round, without negotiations
importing them.

Every event of a round is written once, as a history entry (services.history_add); after
each, inside the writing transaction, `after_round_event` calls what higher apps
registered in their AppConfig.ready():

    hook(negotiation_round=..., action=..., payload=...)

with the entry's action ("opened", "claims_added", "closed", "continued", "option_added",
"position_set", ...) and payload (e.g. "claims": [proposal ids] when opened, "resolutions":
{proposal id: result} when closed). Ignore the actions you do not care about. A hook that
raises rolls the write back.

The orders in use (lower runs first):

    10  community  after_round_event (notices to the followers of the pins concerned)
"""

from core.hooks import Registry

after_round_event = Registry("negotiations.after_round_event")
