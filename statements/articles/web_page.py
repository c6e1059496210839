"""An article fetched from the web: the page, safely, and its main text read with trafilatura.

Only http and https; every address the host name resolves to must be public (no loopback,
private, link-local or reserved networks) unless the setting IMPORT_URL_ALLOW_PRIVATE says
otherwise, and the connection goes to the address that was checked, so a second lookup cannot
point elsewhere. Redirects are followed a few times, each checked the same way. Each read has a
timeout, the whole fetch a deadline, the page a size cap, and only HTML is read.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from statements.articles.source import ArticleError, check_text, parse_date

MAX_PAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10
DEADLINE_SECONDS = 30
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WebArticle:
    text: str  # " date YYYY-MM-DD", the title and the main text, one paragraph a line pair
    url: str
    site_name: str


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def checked_address(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to), or an ArticleError saying why not."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleError(f"Only http:// and https:// addresses can be imported, not “{url}”.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise ArticleError(f"The host {parts.hostname} cannot be found.") from error
    addresses = [info[4][0] for info in found]
    if not settings.IMPORT_URL_ALLOW_PRIVATE:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise ArticleError(
                    f"{parts.hostname} is on a loopback or private network ({address}); "
                    "only public web pages can be imported."
                )
    return parts.scheme, parts.hostname, port, addresses[0]


def fetch_html(url: str) -> tuple[bytes, str]:
    """The page's bytes and its final address, after at most a few checked redirects."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = checked_address(url)
        kind = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
        connection = kind(host, port, address, TIMEOUT_SECONDS)
        try:
            parts = urlsplit(url)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", path, headers={"User-Agent": "statement-timeline-importer"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            return read_page(response, url, deadline), url
        except (OSError, http.client.HTTPException) as error:
            raise ArticleError(f"The page could not be fetched: {error}.") from error
        finally:
            connection.close()
    raise ArticleError(f"The page redirects more than {MAX_REDIRECTS} times.")


def read_page(response: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
    if response.status != 200:
        raise ArticleError(f"The page answered {response.status} {response.reason}: {url}.")
    content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        raise ArticleError(f"The page is {content_type or 'of no stated type'}, not HTML.")
    data = bytearray()
    while chunk := response.read(CHUNK):
        data += chunk
        if len(data) > MAX_PAGE_BYTES:
            raise ArticleError("The page is larger than 5 MB; it was not read to the end.")
        if time.monotonic() > deadline:
            raise ArticleError(f"The page took longer than {DEADLINE_SECONDS} s to arrive.")
    return bytes(data)


def web_article(url: str) -> WebArticle:
    """Fetch the page and read its main text, title, publication date and site name.

    The text starts with a date line when the page gives its date, as the seed articles do.
    """
    # Loading trafilatura takes most of a second: only the URL import pays for it.
    import trafilatura  # noqa: PLC0415

    html, final_url = fetch_html(url)
    found = trafilatura.bare_extraction(html, url=final_url, with_metadata=True)
    if found is None or not (found.text or "").strip():
        raise ArticleError("No article text was found on the page.")
    body = [line.strip() for line in found.text.splitlines() if line.strip()]
    title = (found.title or "").strip()
    if title and body[0] != title:
        body.insert(0, title)
    date_line = []
    if found.date:
        date_line = [f" date {parse_date(found.date).day.isoformat()}"]
    text = check_text("\n\n".join([*date_line, *body]) + "\n")
    return WebArticle(text, final_url, (found.sitename or "").strip())
