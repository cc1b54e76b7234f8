"""Why a delivery failed, as a small closed set the services translate into one plain sentence."""

from __future__ import annotations

from enum import StrEnum


class Failure(StrEnum):
    UNREACHABLE = "unreachable"  # no answer: offline, wrong host or port, server down
    CERTIFICATE = "certificate"  # the server's certificate does not verify for this host name
    LOGIN = "login"  # user name or password refused
    REFUSED = "refused"  # the server refused the message or a recipient
    DROPPED = "dropped"  # the connection broke in the middle; the message may not have arrived
    FOLDER = "folder"  # the folder cannot be written, or what was written does not read back the same
    MAILBOX = "mailbox"  # the mailbox to read does not exist or cannot be selected


class DeliveryError(Exception):
    """A delivery that did not happen; `retry` says whether trying again later may help."""

    def __init__(self, failure: Failure, detail: str = "", *, retry: bool = True) -> None:
        super().__init__(f"{failure.value}: {detail}" if detail else failure.value)
        self.failure = failure
        self.detail = detail
        self.retry = retry
