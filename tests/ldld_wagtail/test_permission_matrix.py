"""The permission matrix of each profile is what the rules say, role by role.

The expected tables below are written from the Quy chế (articles 3-7) and the Bình
Thuận letter (points 3-4) (who owns which section, who
routes, approves, publishes and takes down), not from the profiles: a profile or code change
that lets the wrong person act fails here. The actual matrix comes from Wagtail's permission
API, the sections' workflow steps and the take-down rule (`ldld_wagtail.matrix`); a sample is
also checked through the admin views.
"""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from ldld_wagtail.matrix import ACTIONS, as_markdown, permission_matrix
from ldld_wagtail.models import PortalRole, Section

pytestmark = pytest.mark.django_db

NOBODY = set()


def row(**cells):
    return {action: set(cells.get(action, NOBODY)) for action in ACTIONS}


# --- Lào Cai (rules of the editorial board, article 7: who owns which section) ------------------

LC_BOARD = {"truong-ban", "pho-ban-tt", "pho-ban", "quan-tri"}  # head, deputies, web admin
# Which deputy head is in charge of which field (the head's assignment, demo data).
LC_DEPUTY = {
    "to-chuc-kiem-tra": "pho-ban",
    "tuyen-giao-nu-cong": "pho-ban-tt",
    "chinh-sach-phap-luat": "pho-ban",
    "van-phong": "pho-ban-tt",
}


def lc_news(editors, deputies, can_add=True, leader=None):
    """Rule 1: author submits, the department's leader validates (Quy chế 3, 7.1-7.4: he
    edits his department's column too), secretary routes, the field's deputy (or head)
    approves, web admin publishes; the board may take down (rule 4). The secretary writes items
    for any column too (Quy chế 7.5), through the same approval, and edits only his own."""
    leaders = {leader} if leader else set()
    editors = {*editors, *leaders}
    return row(
        add={*editors, "thu-ky"} if can_add else NOBODY,
        edit=editors,
        submit=editors,
        route={"thu-ky"},
        approve={"truong-ban", *deputies, *leaders},
        publish={"quan-tri"},
        take_down=LC_BOARD,
    )


def lc_office(editors, can_add):
    """Rule 6: documents and schedules go out after an office leader approves; the clerk posts."""
    return row(
        add=editors if can_add else NOBODY,
        edit=editors,
        submit=editors,
        approve={"lanh-dao-vp"},
        publish={"van-thu"},
        take_down=LC_BOARD,
    )


def lc_approved_by_deputy(editors, deputy, can_add):
    """Introduction/organisation (TC-KT) and Q&A (rule 7, CS-PL): the deputy in charge
    approves and that approval publishes."""
    return row(
        add=editors if can_add else NOBODY,
        edit=editors,
        submit=editors,
        approve={"truong-ban", deputy},
        publish={"truong-ban", deputy},
        take_down=LC_BOARD,
    )


def lc_subsite(unit, can_add):
    """Districts and sector unions approve and publish on their own sub-site; the board may
    take items down there."""
    editor = {f"bien-tap-{unit}"}
    return row(
        add=editor if can_add else NOBODY,
        edit=editor,
        publish=editor,
        unpublish=editor,
        take_down=LC_BOARD | editor,
    )


def lao_cai_expected():
    expected = {
        "home": row(take_down=LC_BOARD),
        "gioi-thieu-chung": lc_approved_by_deputy({"ctv-to-chuc"}, "pho-ban", can_add=False),
        "bo-may-to-chuc": lc_approved_by_deputy({"ctv-to-chuc"}, "pho-ban", can_add=False),
        "to-chuc-kiem-tra": lc_news(
            {"ctv-to-chuc"}, {LC_DEPUTY["to-chuc-kiem-tra"]}, leader="uy-vien-to-chuc"
        ),
        "tuyen-giao-nu-cong": lc_news(
            {"ctv-tuyen-giao"}, {LC_DEPUTY["tuyen-giao-nu-cong"]}, leader="uy-vien-tuyen-giao"
        ),
        "chinh-sach-phap-luat": lc_news(
            {"ctv-cspl"}, {LC_DEPUTY["chinh-sach-phap-luat"]}, leader="uy-vien-cspl"
        ),
        "van-phong": lc_news({"ctv-van-phong"}, {LC_DEPUTY["van-phong"]}, leader="lanh-dao-vp"),
        "van-ban-chi-dao": lc_office({"van-thu"}, can_add=True),
        "tai-lieu": lc_office({"van-thu", "ctv-van-phong"}, can_add=False),
        "so-dien-thoai": lc_office({"van-thu", "ctv-van-phong"}, can_add=False),
        "lich-cong-tac": lc_office({"van-thu"}, can_add=True),
        "hoi-dap": lc_approved_by_deputy({"ctv-cspl"}, LC_DEPUTY["chinh-sach-phap-luat"], True),
        # Videos belong to Tuyên giáo - Nữ công; featured photos come from every department.
        "video": lc_news(
            {"ctv-tuyen-giao"}, {LC_DEPUTY["tuyen-giao-nu-cong"]}, leader="uy-vien-tuyen-giao"
        ),
        "hinh-anh": lc_news(
            {"ctv-to-chuc", "ctv-tuyen-giao", "ctv-cspl", "ctv-van-phong"},
            {"pho-ban", "pho-ban-tt"},
        ),
        "don-vi": row(take_down=LC_BOARD),
    }
    for unit in ("tp-lao-cai", "sa-pa", "bat-xat", "gd", "yt"):
        expected[unit] = lc_subsite(unit, can_add=True)
        expected[f"{unit}-gioi-thieu"] = lc_subsite(unit, can_add=False)
    return expected


# --- Bình Thuận (letter 435/LĐLĐ, points 2-4) -------------------------------------------------

BT_BOARD = {"truong-ban", "thuong-truc", "to-cntt"}
BT_DEPARTMENTS = ["van-phong", "ubkt", "nu-cong", "tai-chinh", "cspl", "tuyen-giao", "to-chuc"]
BT_SUBSITES = [
    "cdn-nong-nghiep", "cdn-xay-dung", "cdn-gtvt", "cdn-giao-duc", "cdn-y-te", "cd-kcn",
    "cd-vien-chuc", "tuy-phong", "bac-binh", "ham-thuan-bac", "phan-thiet", "ham-thuan-nam",
    "ham-tan", "lagi", "tanh-linh", "duc-linh", "phu-quy",
]  # fmt: skip


def bt_department(editor, can_add=True):
    """Point 3: departments send items to the standing board, which approves before anything
    is published; point 2: the IT team posts what the board approved."""
    return row(
        add={editor} if can_add else NOBODY,
        edit={editor},
        submit={editor},
        approve={"thuong-truc", "truong-ban"},
        publish={"to-cntt"},
        take_down=BT_BOARD,
    )


def binh_thuan_expected():
    expected = {
        "home": row(take_down=BT_BOARD),
        "gioi-thieu": bt_department("bien-tap-to-chuc", can_add=False),
        "don-vi": row(take_down=BT_BOARD),
    }
    for code in BT_DEPARTMENTS:
        expected[f"tin-{code}"] = bt_department(f"bien-tap-{code}")
    for code in BT_SUBSITES:  # point 4: they approve and publish directly
        editor = {f"bien-tap-{code}"}
        expected[code] = row(
            add=editor, edit=editor, publish=editor, unpublish=editor, take_down=BT_BOARD | editor
        )
        expected[f"{code}-gioi-thieu"] = row(
            edit=editor, publish=editor, unpublish=editor, take_down=BT_BOARD | editor
        )
    return expected


def differences(actual, expected):
    problems = []
    for section in sorted(set(actual) | set(expected)):
        if section not in actual or section not in expected:
            problems.append(f"{section}: only in {'actual' if section in actual else 'expected'}")
            continue
        for action in ACTIONS:
            got, want = actual[section][action], expected[section][action]
            if got != want:
                problems.append(
                    f"{section}.{action}: extra {sorted(got - want)}, missing {sorted(want - got)}"
                )
    return problems


@pytest.mark.parametrize(
    ("profile", "expected"),
    [("lao-cai", lao_cai_expected), ("binh-thuan", binh_thuan_expected)],
)
def test_the_matrix_is_the_table_of_the_rules(profile, expected):
    call_command("setup_portal", "--profile", profile, stdout=open("/dev/null", "w"))
    matrix = permission_matrix()
    assert differences(matrix, expected()) == [], as_markdown(matrix)


def test_the_admin_views_agree_with_the_matrix(client):
    """Edit views of a sample of sections, opened by one person per role."""
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    expected = lao_cai_expected()
    people = {}
    for role in PortalRole.objects.select_related("group"):
        people[role.code] = User.objects.create_user(role.code)
        people[role.code].groups.add(role.group)
    for code in ("tuyen-giao-nu-cong", "van-ban-chi-dao", "hoi-dap", "sa-pa", "gioi-thieu-chung"):
        page = Section.objects.get(code=code).page
        for role, user in people.items():
            client.force_login(user)
            response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            allowed = role in expected[code]["edit"]
            assert (response.status_code == 200) == allowed, (code, role, response.status_code)


def test_only_the_head_and_the_web_admin_manage_accounts(client):
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    users_url = reverse("wagtailusers_users:index")
    for role in PortalRole.objects.select_related("group"):
        user = User.objects.create_user(f"u-{role.code}")
        user.groups.add(role.group)
        client.force_login(user)
        allowed = role.code in ("truong-ban", "quan-tri")
        response = client.get(users_url)
        assert (response.status_code == 200) == allowed, role.code
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (users_url in menu) == allowed, role.code

    # The web admin creates an account and gives it a role.
    client.force_login(User.objects.get(username="u-quan-tri"))
    thuky = PortalRole.objects.get(code="thu-ky").group
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "thuky2",
            "email": "thuky2@example.vn",
            "first_name": "Thu",
            "last_name": "Ký",
            "password1": "mat-khau-dai-2026",
            "password2": "mat-khau-dai-2026",
            "groups": [thuky.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    created = User.objects.get(username="thuky2")
    assert list(created.groups.all()) == [thuky] and not created.is_superuser


def test_the_board_and_the_secretary_browse_the_tree_and_reach_take_down(client):
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))
    home = Section.objects.get(code="home").page
    column = Section.objects.get(code="tuyen-giao-nu-cong").page
    for role in ("truong-ban", "pho-ban", "pho-ban-tt", "quan-tri", "thu-ky"):
        user = User.objects.create_user(f"b-{role}")
        user.groups.add(PortalRole.objects.get(code=role).group)
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
        assert response.status_code == 200, role
        assert client.get(reverse("wagtailadmin_explore", args=[column.pk])).status_code == 200
        # Browsing gives no editing.
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[column.pk]))
        assert edit.status_code != 200, role
        take_down = reverse("ldld_take_down", args=[column.pk])
        assert (take_down in response.content.decode()) == (role != "thu-ky"), role


def test_the_admin_spells_vietnamese_addresses_without_tone_marks(client):
    """Wagtail's slug field turned "Tọa đàm" into "ta-djam"; the portal's formatters run first.
    Checked in Chromium: "Tọa đàm nữ đoàn viên … Tằng Loỏng" → "toa-dam-nu-doan-vien-…-tang-loong".
    """
    import json
    import re

    from ldld_wagtail.wagtail_hooks import VIETNAMESE_LETTERS, slug_formatters

    client.force_login(User.objects.create_superuser("admin", "a@example.vn", "pw"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-w-slug-formatters-value" in page
    title = "Tọa đàm nữ đoàn viên khu công nghiệp Tằng Loỏng"
    for (pattern, flags), plain in json.loads(slug_formatters()):
        title = re.sub(pattern, plain, title, flags=re.IGNORECASE if "i" in flags else 0)
    assert title == "Toa dam nu doan vien khu cong nghiep Tang Loong"
    assert set(VIETNAMESE_LETTERS) == set("aeiouyd")
