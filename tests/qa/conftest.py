import pytest

from ..utils import form_token, person, question_data, section


@pytest.fixture
def desk(laocai, settings):
    """The Lào Cai portal with its Q&A section, a CS-PL contributor and the approvers; no
    minimum time to fill (tests of that check set it back)."""
    settings.LDLD_QUESTION_MIN_SECONDS = 0
    settings.LDLD_PAGE_CACHE_SECONDS = 0
    return {
        **laocai,
        "index": section("hoi-dap"),
        "ctv_cspl": person("ctv-cspl", "ctv-cspl"),
        "truongban": person("truongban", "truong-ban"),
    }


@pytest.fixture
def ask(client, desk):
    """Send the question form as a reader's browser does: open the page, post what it holds."""

    def send(remote="203.0.113.7", **fields):
        url = desk["index"].url
        html = client.get(url, REMOTE_ADDR=remote).content.decode()
        data = {"form_token": form_token(html), **question_data(**fields)}
        return client.post(url, data, REMOTE_ADDR=remote)

    return send
