"""The WhatsApp Business Cloud API as a notice channel.

One call: ``POST {WHATSAPP_API_URL}/{WHATSAPP_PHONE_NUMBER_ID}/messages`` with the
access token as a Bearer header and a *template* message (a business may only
open a conversation with a template the platform has approved; one per notice
kind, ``WHATSAPP_TEMPLATES``, else ``WHATSAPP_DEFAULT_TEMPLATE``). The template's
body takes two parameters: the notice's subject and its link. The answer names
the accepted message (``messages[0].id``, a ``wamid``), which is recorded.

Errors: :class:`TransientError` for what a retry can cure (no connection, a
timeout, 5xx, 429 or the platform's "temporarily unavailable" codes),
:class:`PermanentError` for the rest (a wrong number, an unapproved template, a
bad token): the delivery is then marked failed and shown as such. Everything
comes from the environment (settings); nothing here is a secret default.
"""

from dataclasses import dataclass

import requests
from django.conf import settings

# Error codes the platform documents as "try again later" (rate limits, service
# temporarily unavailable).
RETRYABLE_CODES = {1, 2, 4, 80007, 130429, 131016, 131048, 131056, 133004}


class ChannelError(Exception):
    pass


class TransientError(ChannelError):
    pass


class PermanentError(ChannelError):
    pass


@dataclass(frozen=True)
class Config:
    api_url: str
    phone_number_id: str
    token: str
    language: str
    timeout: int


def config() -> Config:
    if not (settings.WHATSAPP_PHONE_NUMBER_ID and settings.WHATSAPP_ACCESS_TOKEN):
        raise PermanentError("WhatsApp belum dikonfigurasi")
    return Config(
        api_url=settings.WHATSAPP_API_URL.rstrip("/"),
        phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID,
        token=settings.WHATSAPP_ACCESS_TOKEN,
        language=settings.WHATSAPP_TEMPLATE_LANGUAGE,
        timeout=settings.WHATSAPP_TIMEOUT,
    )


def configured() -> bool:
    return bool(settings.WHATSAPP_PHONE_NUMBER_ID and settings.WHATSAPP_ACCESS_TOKEN)


def template_for(kind: str) -> str:
    """The approved template of a notice kind (``kind=template`` pairs in
    ``WHATSAPP_TEMPLATES``), else the default one."""
    for pair in settings.WHATSAPP_TEMPLATES:
        name, _, template = pair.partition("=")
        if name.strip() == kind and template.strip():
            return template.strip()
    return settings.WHATSAPP_DEFAULT_TEMPLATE


def message_body(*, to: str, template: str, language: str, params: list[str]) -> dict:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "template",
        "template": {
            "name": template,
            "language": {"code": language},
            "components": [
                {
                    "type": "body",
                    "parameters": [{"type": "text", "text": p} for p in params],
                }
            ],
        },
    }


def send_template(*, to: str, kind: str, params: list[str]) -> str:
    """Send one template message; returns the platform's message id."""
    cfg = config()
    url = f"{cfg.api_url}/{cfg.phone_number_id}/messages"
    body = message_body(
        to=to, template=template_for(kind), language=cfg.language, params=params
    )
    try:
        response = requests.post(
            url,
            json=body,
            headers={"Authorization": f"Bearer {cfg.token}"},
            timeout=cfg.timeout,
        )
    except requests.RequestException as exc:
        raise TransientError(f"POST {url}: {exc.__class__.__name__}") from exc
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code >= 400:
        error = data.get("error") if isinstance(data, dict) else None
        code = error.get("code") if isinstance(error, dict) else None
        detail = f"{response.status_code} {error or response.text[:200]}"
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientError(detail)
        if code in RETRYABLE_CODES:
            raise TransientError(detail)
        raise PermanentError(detail)
    try:
        return str(data["messages"][0]["id"])
    except (KeyError, IndexError, TypeError) as exc:
        raise TransientError(f"unexpected answer: {str(data)[:200]}") from exc
