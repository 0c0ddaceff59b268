"""Logging in: guessing is limited without letting anyone lock a person out, the answer (and its
time) does not tell whether an account exists, and every write made with the session cookie
needs the CSRF token: the admin's login form, `/++api++/@login`, HTTP Basic, the admin's forms
and the API called with the admin's session.
"""

import json
import re
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from news.models import NewsPage

from ..utils import basic, call, column_url, news_body

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
API_LOGIN = "/++api++/@login"
WRONG = "Sai Tên đăng nhập hoặc mật khẩu. Vui lòng thử lại."  # Wagtail's, in Vietnamese


class SlowHasher(PBKDF2PasswordHasher):
    """PBKDF2 with enough rounds (about a tenth of a second) for the hash to dominate a login."""

    algorithm = "pbkdf2_sha256_slow_test"
    iterations = 200_000


def admin_login(client, username, password, address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def api_login(client, username, password, address="198.51.100.7"):
    return client.post(
        API_LOGIN,
        json.dumps({"login": username, "password": password}),
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def form_errors(response) -> str:
    """The text of the errors the login page shows."""
    found = re.search(r'class="messages"[^>]*>(.*?)</div>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else ""


def limit_message(window) -> str:
    from django.utils import translation

    from ldld_wagtail.guard import LoginGuard

    with translation.override("vi"):
        return str(LoginGuard()._refusal(window).message)


# --- the admin's login form -----------------------------------------------------------------


def test_the_admin_login_limits_guessing_per_network_and_name(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (3, 900)
    answers = [admin_login(client, "thuky", f"sai-{n}") for n in range(3)]
    assert all(r.status_code == 200 and form_errors(r) == WRONG for r in answers)
    # The limit is reached: even the right password is not tried from this network.
    refused = admin_login(client, "thuky", "pw")
    assert refused.status_code == 200 and not logged_in(refused)
    assert (
        form_errors(refused)
        == limit_message(900)
        == (
            "Có quá nhiều lần đăng nhập sai từ mạng của đồng chí. Vui lòng chờ khoảng 15 phút rồi "
            "thử lại."
        )
    )
    # The account's owner, elsewhere, is not locked out.
    assert logged_in(admin_login(Client(), "thuky", "pw", address="203.0.113.50"))


def test_the_admin_login_limit_says_nothing_about_the_account(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (2, 900)
    for name in ("thuky", "khong-ai-ca"):
        for n in range(2):
            admin_login(client, name, f"sai-{n}")
    known = admin_login(client, "thuky", "sai")
    unknown = admin_login(client, "khong-ai-ca", "sai")
    assert form_errors(known) == form_errors(unknown) != ""


def test_the_admin_login_limit_passes_with_its_window(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (2, 1)
    for n in range(2):
        admin_login(client, "thuky", f"sai-{n}")
    assert not logged_in(admin_login(client, "thuky", "pw"))
    time.sleep(1.2)
    assert logged_in(admin_login(client, "thuky", "pw"))


def test_a_good_login_forgets_the_failures_before_it(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (3, 900)
    for _round in range(3):
        for n in range(2):
            admin_login(Client(), "thuky", f"sai-{n}")
        assert logged_in(admin_login(Client(), "thuky", "pw"))


def test_the_admin_login_limits_a_network_trying_many_names(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (5, 900)
    settings.LDLD_LOGIN_ADDRESS_FAILURES = (4, 900)
    for name in ("an", "binh", "cuong", "dung"):
        admin_login(client, name, "123456")
    assert not logged_in(admin_login(client, "thuky", "pw"))
    assert logged_in(admin_login(Client(), "thuky", "pw", address="203.0.113.50"))


def test_an_ipv6_guesser_cannot_escape_the_limit_inside_its_own_block(client, laocai, settings):
    settings.LDLD_LOGIN_FAILURES = (3, 900)
    for n in range(3):
        admin_login(client, "thuky", "sai", address=f"2001:db8:1:2::{n + 1}")
    assert not logged_in(admin_login(client, "thuky", "pw", address="2001:db8:1:2::99"))


# --- the API's logins -----------------------------------------------------------------------


def test_the_api_login_limit_cannot_lock_the_owner_out(client, laocai, settings):
    settings.LDLD_API_LOGIN_RATE = "3/min"
    codes = [api_login(client, "thuky", "sai").status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    assert api_login(Client(), "thuky", "pw", address="203.0.113.50").status_code == 200


def test_the_api_login_limit_holds_behind_the_proxy(client, laocai, settings):
    """As production runs (settings/production.py): one proxy appends the client's address to
    X-Forwarded-For; whatever the client wrote before it changes nothing."""
    settings.LDLD_TRUSTED_PROXIES = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.LDLD_API_LOGIN_RATE = "3/min"
    codes = [
        client.post(
            API_LOGIN,
            json.dumps({"login": "thuky", "password": "sai"}),
            content_type="application/json",
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7",
        ).status_code
        for n in range(5)
    ]
    assert codes == [401, 401, 401, 429, 429]


def test_the_api_login_limit_ignores_a_forged_forwarded_for(client, laocai, settings):
    settings.LDLD_API_LOGIN_RATE = "3/min"
    codes = [
        client.post(
            API_LOGIN,
            json.dumps({"login": "thuky", "password": "sai"}),
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        ).status_code
        for n in range(5)
    ]
    assert codes[-1] == 429


# --- no user enumeration --------------------------------------------------------------------


@pytest.fixture
def accounts(db, settings):
    """An active account, an inactive one (right password) and one without a usable password,
    hashed with a hasher slow enough to be seen."""
    settings.PASSWORD_HASHERS = [f"{__name__}.SlowHasher"]
    settings.LDLD_LOGIN_FAILURES = (1000, 900)
    settings.LDLD_LOGIN_ADDRESS_FAILURES = (1000, 900)
    settings.LDLD_API_LOGIN_RATE = "1000/min"
    settings.LDLD_API_LOGIN_ADDRESS_RATE = "1000/min"
    User.objects.create_user("thuky", password="dung-mat-khau", is_staff=True)
    User.objects.create_user("nghi-viec", password="dung-mat-khau", is_active=False)
    unusable = User.objects.create_user("chua-dat", password=None)
    assert not unusable.has_usable_password()


CASES = {
    "wrong password": ("thuky", "sai-mat-khau"),
    "unknown user": ("khong-co-ai", "sai-mat-khau"),
    "inactive user, right password": ("nghi-viec", "dung-mat-khau"),
    "no usable password": ("chua-dat", "sai-mat-khau"),
}


def test_the_admin_login_answers_the_same_for_every_wrong_login(client, accounts):
    answers = {label: form_errors(admin_login(client, *pair)) for label, pair in CASES.items()}
    assert set(answers.values()) == {WRONG}, answers


def test_the_api_login_answers_the_same_for_every_wrong_login(client, accounts):
    answers = {}
    for label, pair in CASES.items():
        response = api_login(client, *pair)
        answers[label] = (response.status_code, response.content)
    assert len(set(answers.values())) == 1, answers
    basic_answers = {
        label: (r.status_code, r.content)
        for label, r in (
            (label, call(client, "get", "/++api++/@workflow", basic(*pair)))
            for label, pair in CASES.items()
        )
    }
    assert len(set(basic_answers.values())) == 1, basic_answers


def timings(send, rounds=7) -> dict:
    """The shortest time of each kind of wrong login (the least disturbed by a busy machine),
    interleaved so that drift hits all alike."""
    seen = {label: [] for label in CASES}
    for _ in range(rounds):
        for label, pair in CASES.items():
            start = time.perf_counter()
            send(*pair)
            seen[label].append(time.perf_counter() - start)
    return {label: min(values) for label, values in seen.items()}


def hash_time() -> float:
    hasher = SlowHasher()
    encoded = hasher.encode("x", hasher.salt())
    seen = []
    for _ in range(5):
        start = time.perf_counter()
        hasher.verify("y", encoded)
        seen.append(time.perf_counter() - start)
    return min(seen)


@pytest.mark.parametrize("door", ["admin", "api"])
def test_a_wrong_login_takes_as_long_whether_the_account_exists_or_not(client, accounts, door):
    """Django's ModelBackend hashes the password of an unknown user too (and of an account
    without a usable password): nothing before it may answer sooner for either."""
    send = (
        (lambda u, p: admin_login(client, u, p))
        if door == "admin"
        else (lambda u, p: api_login(client, u, p))
    )
    send("khong-co-ai", "x")  # warm up
    shortest = timings(send, rounds=9)
    hashing = hash_time()
    reference = shortest["wrong password"]
    assert reference > hashing * 0.5, (shortest, hashing)  # the hash is in every login
    for label, seconds in shortest.items():
        # The hash is the bulk of each; without it one would be a whole hash shorter.
        assert abs(seconds - reference) < hashing * 0.4, (label, shortest, hashing)


# --- CSRF on every write made with the session cookie ---------------------------------------


def test_the_admin_forms_need_the_csrf_token(laocai):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(LOGIN, {"username": "quantri", "password": "pw"}).status_code == 403
    browser.force_login(laocai["quantri"])
    url = reverse("wagtailadmin_pages:edit", args=[laocai_page().pk])
    before = laocai_page().get_latest_revision()
    response = browser.post(url, {"title": "Đổi tên", "action-publish": "1"})
    assert response.status_code == 403
    assert laocai_page().get_latest_revision() == before
    response = browser.post(reverse("wagtailusers_users:delete", args=[laocai["ctv"].pk]))
    assert response.status_code == 403 and User.objects.filter(pk=laocai["ctv"].pk).exists()


def laocai_page():
    from ..utils import section

    return section("tuyen-giao-nu-cong")


def test_the_api_needs_the_csrf_token_with_the_session_cookie(laocai):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(laocai["ctv"])
    url = column_url()
    body = json.dumps(news_body())
    headers = {"content_type": "application/json", "HTTP_ACCEPT": "application/json"}
    response = browser.post(url, body, **headers)
    assert response.status_code == 403 and "CSRF" in response.json()["message"]
    assert not NewsPage.objects.exists()
    # Reading needs no token; a write with the token from the cookie goes through.
    assert browser.get("/++api++/@workflow", HTTP_ACCEPT="application/json").status_code == 200
    browser.get(reverse("wagtailadmin_home"))
    token = browser.cookies["csrftoken"].value
    response = browser.post(url, body, HTTP_X_CSRFTOKEN=token, **headers)
    assert response.status_code == 201, response.content[:300]
    assert NewsPage.objects.count() == 1
    page = NewsPage.objects.get()
    response = browser.delete(f"/++api++{page.get_url()}", **headers)
    assert response.status_code == 403 and "CSRF" in response.json()["message"]
    assert NewsPage.objects.count() == 1
    response = browser.delete(f"/++api++{page.get_url()}", HTTP_X_CSRFTOKEN=token, **headers)
    assert response.status_code == 204 and not NewsPage.objects.exists()


def test_a_token_from_login_needs_no_csrf_token_and_login_sets_no_cookie(laocai):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        API_LOGIN,
        json.dumps({"login": "ctv-tuyengiao", "password": "pw"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and "sessionid" not in response.cookies
    auth = {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}
    response = call(browser, "post", column_url(), auth, news_body())
    assert response.status_code == 201


# --- Django's admin, the other login door -----------------------------------------------------


def django_admin_guesses(client, settings):
    settings.LDLD_LOGIN_FAILURES = (3, 900)
    User.objects.create_user("quantri-cu", password="dung-mat-khau", is_staff=True)
    for n in range(3):
        client.post("/django-admin/login/", {"username": "quantri-cu", "password": f"sai-{n}"})
    right = {"username": "quantri-cu", "password": "dung-mat-khau"}
    return client.post("/django-admin/login/", right)


def test_the_django_admin_login_is_limited(client, db, settings):
    response = django_admin_guesses(client, settings)
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert limit_message(900) in " ".join(response.content.decode().split())
