"""An HTTP client for SIASN's web services, authenticated as the public SIASN
clients are: a gateway token (OAuth2 client credentials, HTTP Basic with the
consumer key and secret) sent as ``Authorization: Bearer …`` and an SSO token
(OpenID Connect password grant) sent as ``Auth: bearer …`` on every call. Both
are cached until shortly before they expire; a 401 refreshes them once.

Errors: ``TransientError`` (connection problems, timeouts, 5xx, 429: worth
retrying later) and ``PermanentError`` (any other refusal: retrying the same
request would fail the same way). Credentials come from the environment only
(``settings.SIASN_*``).
"""

import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache

# Renew a token this many seconds before SIASN says it expires.
EXPIRY_MARGIN = 30


class SiasnError(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class TransientError(SiasnError):
    pass


class PermanentError(SiasnError):
    pass


class NotConfigured(PermanentError):
    pass


@dataclass(frozen=True)
class Credentials:
    api_url: str
    gateway_token_url: str
    sso_token_url: str
    consumer_key: str
    consumer_secret: str
    client_id: str
    username: str
    password: str
    timeout: int = 20

    @classmethod
    def from_settings(cls) -> "Credentials":
        return cls(
            api_url=settings.SIASN_API_URL,
            gateway_token_url=settings.SIASN_GATEWAY_TOKEN_URL or "",
            sso_token_url=settings.SIASN_SSO_TOKEN_URL or "",
            consumer_key=settings.SIASN_CONSUMER_KEY or "",
            consumer_secret=settings.SIASN_CONSUMER_SECRET or "",
            client_id=settings.SIASN_CLIENT_ID or "",
            username=settings.SIASN_USERNAME or "",
            password=settings.SIASN_PASSWORD or "",
            timeout=settings.SIASN_TIMEOUT_SECONDS,
        )

    @property
    def complete(self) -> bool:
        return all(
            (
                self.api_url,
                self.gateway_token_url,
                self.sso_token_url,
                self.consumer_key,
                self.consumer_secret,
                self.client_id,
                self.username,
                self.password,
            )
        )


def configured() -> bool:
    return Credentials.from_settings().complete


class SiasnClient:
    def __init__(self, credentials: Credentials | None = None):
        self.credentials = credentials or Credentials.from_settings()
        if not self.credentials.complete:
            raise NotConfigured("SIASN credentials are not configured")
        self.session = requests.Session()

    # -- tokens -------------------------------------------------------------------

    def _cache_key(self, kind: str) -> str:
        c = self.credentials
        return f"siasn:token:{kind}:{c.gateway_token_url}:{c.consumer_key}:{c.username}"

    def _token(self, kind: str) -> str:
        cached = cache.get(self._cache_key(kind))
        if cached and cached["expires"] > time.time():
            return cached["token"]
        c = self.credentials
        if kind == "gateway":
            response = self._send(
                "POST",
                c.gateway_token_url,
                auth=(c.consumer_key, c.consumer_secret),
                data={"grant_type": "client_credentials"},
            )
        else:
            response = self._send(
                "POST",
                c.sso_token_url,
                data={
                    "grant_type": "password",
                    "client_id": c.client_id,
                    "username": c.username,
                    "password": c.password,
                },
            )
        body = self._json(response)
        token = body.get("access_token")
        if not token:
            raise PermanentError(f"{kind} token response without access_token")
        lifetime = int(body.get("expires_in") or 300)
        expires = time.time() + max(0, lifetime - EXPIRY_MARGIN)
        cache.set(
            self._cache_key(kind),
            {"token": token, "expires": expires},
            timeout=max(1, lifetime),
        )
        return token

    def forget_tokens(self) -> None:
        cache.delete_many([self._cache_key("gateway"), self._cache_key("sso")])

    def _headers(self) -> dict:
        return {
            "Authorization": f"Bearer {self._token('gateway')}",
            "Auth": f"bearer {self._token('sso')}",
            "Accept": "application/json",
        }

    # -- transport ----------------------------------------------------------------

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            response = self.session.request(
                method, url, timeout=self.credentials.timeout, **kwargs
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise TransientError(f"{method} {url}: {exc.__class__.__name__}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientError(
                f"{method} {url}: HTTP {response.status_code}", response.status_code
            )
        return response

    def _json(self, response: requests.Response) -> dict:
        if response.status_code >= 400:
            raise PermanentError(
                f"HTTP {response.status_code}: {response.text[:300]}",
                response.status_code,
            )
        try:
            return response.json()
        except ValueError as exc:
            raise TransientError(
                "SIASN answered with something else than JSON"
            ) from exc

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        url = f"{self.credentials.api_url}/{path.lstrip('/')}"
        response = self._send(method, url, headers=self._headers(), **kwargs)
        if response.status_code == 401:
            # A token SIASN no longer accepts (revoked, clock skew): renew once.
            self.forget_tokens()
            response = self._send(method, url, headers=self._headers(), **kwargs)
        return response

    # -- services -----------------------------------------------------------------

    def pns_orang_id(self, nip: str) -> str | None:
        """The SIASN person id of ``nip`` (``pns/data-utama/{nip}``), ``None``
        when SIASN does not know the NIP."""
        response = self._call("GET", f"pns/data-utama/{nip}")
        if response.status_code == 404:
            return None
        data = self._json(response).get("data")
        if not isinstance(data, dict) or not data.get("id"):
            return None
        return str(data["id"])

    def course_save(self, payload: dict) -> str:
        """Create (or, with ``id``, update) a riwayat kursus; its record id."""
        body = self._json(self._call("POST", "kursus/save", json=payload))
        record_id = (body.get("mapData") or {}).get("rwKursusId")
        if not body.get("success", True) or not record_id:
            raise PermanentError(f"kursus/save refused: {body.get('message', body)}")
        return str(record_id)

    def document_upload(
        self, *, record_id: str, ref_id: str, name: str, content: bytes
    ) -> dict:
        """Attach a PDF to a riwayat (``upload-dok-rw``); SIASN's document entry
        (dok_id, dok_nama, dok_uri, object, slug) for the ``path`` field."""
        body = self._json(
            self._call(
                "POST",
                "upload-dok-rw",
                files={"file": (name, content, "application/pdf")},
                data={"id_riwayat": record_id, "id_ref_dokumen": ref_id},
            )
        )
        data = body.get("data")
        if not isinstance(data, dict):
            raise PermanentError("upload-dok-rw answered without data")
        return data

    def courses_of(self, nip: str) -> list[dict]:
        """Every riwayat kursus SIASN holds for ``nip`` (read key names)."""
        response = self._call("GET", f"pns/rw-kursus/{nip}")
        if response.status_code == 404:
            return []
        data = self._json(response).get("data") or []
        return [row for row in data if isinstance(row, dict)]
