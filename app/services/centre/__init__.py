"""A centre of several installations: membership, and the bundles that travel between them.

Membership. The main office invites a desk PC (`invite`): a file with its public keys. The desk PC
answers (`join`) with its own, once the main office's fingerprint, read out by phone, matches what it
typed; the main office accepts the answer (`accept`) once the desk's fingerprint matches in turn.
Nothing is trusted on the strength of a file alone. An administrator removes an installation (a stolen
laptop): from then on whatever it sends is refused. Administrators only; every step is audited.

Bundles. A bundle is a standard age file encrypted to the recipient installation's X25519 key. Inside:
one line of JSON, the signed envelope (sender, recipient, sequence number, kind, created-at, SHA-256 of
the payload) with its Ed25519 signature, then the payload itself (JSON). Its holder opens it with
`age -d -i identity` and reads both. Numbers are per sender and recipient and must come in order: a
number already accepted (a replay, an old bundle) or one that skips a missing bundle is refused, so no
bundle is lost by arriving early. Refused too: a bundle for another installation, from an unknown or
removed one, with a bad signature or payload digest, truncated, or larger than MAX_BUNDLE_BYTES (checked
on the file before anything is read; age never compresses, so the plaintext is smaller still). Each
refusal is one sentence, changes nothing, and is audited; so is each acceptance, and each bundle made.

Crash safety. A bundle is numbered, recorded and kept (encrypted, in `centre_bundle`) in the same
transaction as what its kind records as sent; its file is written afterwards and written again by the
next `send` if the process died in between (same name, same bytes). Receiving commits the payload's
effect, the accepted number and the record in one transaction.

Kinds. A payload has a kind; each kind is two functions registered once:

    register_kind(kind, accept=accept, build_due=build_due)

- `build_due(ws, session) -> list[dict]`: on a desk PC, the payloads due for the main office now
  (e.g. the partial aggregates of the periods ended since the last send). Called inside `send`'s
  transaction: whatever it records as sent commits with the bundles' numbers, or not at all.
  Optional: a kind whose bundles are made elsewhere (a case transfer) leaves it out.
- `accept(ws, session, sender: Member, payload: dict) -> str`: on the receiving installation, apply
  the payload inside the receiving transaction (raise UserError to refuse it: nothing is then
  changed); returns a short line saying what was received (for the command line and the audit).

Payloads are JSON objects (dicts of str, int, bool, None, lists and dicts); no floats, so the digest
of a payload is exact. Built in: "case_transfer" (app.services.cases.transfer) and "roster" (the main
office's list of the centre's installations, sent by its `send` to every desk whose copy is out of date:
desks then know each other's keys, through the main office they checked by phone, and can move cases
between them; a PC the main office removed is removed on every desk).

The package's modules: `common` (formats, kinds, refusals, this installation and its members),
`membership` (invite, join, accept, remove, list), `bundles` (make, number, write, send), `roster`,
`receiving` (open, verify, order, receive) and `restore` (the centre's rows across a restore). Callers
import from `app.services.centre`.
"""

from app.services.centre.bundles import (
    MadeBundle,
    make_bundle,
    make_due,
    place_file,
    send,
    stage_file,
    write_pending,
)
from app.services.centre.common import (
    BUNDLE_FORMAT,
    INVITE_FORMAT,
    JOIN_FORMAT,
    MAX_BUNDLE_BYTES,
    MAX_MEMBERSHIP_BYTES,
    PARTIALS,
    ROSTER,
    SUFFIX,
    BundleRefused,
    Kind,
    Member,
    Payload,
    active_member,
    fingerprint_of,
    kinds,
    own,
    register_kind,
    require_own,
)
from app.services.centre.membership import (
    NOT_A_MEMBERSHIP_FILE,
    Invitation,
    Joined,
    MemberView,
    accept,
    invite,
    join,
    members,
    remove,
)
from app.services.centre.receiving import Opened, Received, receive, receive_one, receive_order
from app.services.centre.restore import CentreState, carry_forward, state_of
from app.services.centre.roster import NOT_A_ROSTER, accept_roster

__all__ = [
    "BUNDLE_FORMAT",
    "INVITE_FORMAT",
    "JOIN_FORMAT",
    "MAX_BUNDLE_BYTES",
    "MAX_MEMBERSHIP_BYTES",
    "NOT_A_MEMBERSHIP_FILE",
    "NOT_A_ROSTER",
    "PARTIALS",
    "ROSTER",
    "SUFFIX",
    "BundleRefused",
    "CentreState",
    "Invitation",
    "Joined",
    "Kind",
    "MadeBundle",
    "Member",
    "MemberView",
    "Opened",
    "Payload",
    "Received",
    "accept",
    "accept_roster",
    "active_member",
    "carry_forward",
    "fingerprint_of",
    "invite",
    "join",
    "kinds",
    "make_bundle",
    "make_due",
    "members",
    "own",
    "place_file",
    "receive",
    "receive_one",
    "receive_order",
    "register_kind",
    "remove",
    "require_own",
    "send",
    "stage_file",
    "state_of",
    "write_pending",
]
