"""`manage.py load_demo`: a believable Lào Cai portal, built idempotently.

Everything is looked up by slug, code, title or username first, so a second run creates
nothing. Dates are relative to today, so the demo always has this week's schedule and a year
of news.
"""

import datetime
import io
import random

from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from documents.models import (
    DirectiveDocumentPage,
    DocumentAttachment,
    DocumentIndexPage,
    DownloadItem,
    DownloadsPage,
)
from ldld_wagtail.models import Unit, UnitFormerName
from ldld_wagtail.search import index_page
from news.models import (
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    NewsPage,
    NewsPhoto,
    TopicColumnPage,
    VideoIndexPage,
    VideoPage,
)
from qa.models import QAIndexPage, QuestionPage
from schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

from . import demo_content as c
from .models import (
    Banner,
    Contact,
    ContactDirectoryPage,
    DepartmentFunction,
    HomePage,
    IntroductionPage,
    OrganisationMember,
    OrganisationPage,
    SubSiteHomePage,
    SubSiteIndexPage,
    UnitIntroPage,
)

PASSWORD = "demo1234"
DEMO_ACCOUNTS = [a[0] for a in c.ACCOUNTS] + ["admin"]
COLOURS = [(163, 21, 27), (11, 46, 99), (31, 111, 67), (180, 110, 20), (90, 40, 120)]


class Loader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created: dict[str, int] = {}
        self.rng = random.Random(2021)
        self.now = timezone.now()

    def note(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1

    # --- building blocks -------------------------------------------------------------------

    def child(self, parent, model, slug, **fields):
        """The live child `slug` of `parent`, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        relations = {
            k: fields.pop(k)
            for k in list(fields)
            if isinstance(fields[k], list) and k not in ("body",)
        }
        page = model(slug=slug, **fields)
        for name, items in relations.items():
            setattr(page, name, items)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.note(str(model._meta.verbose_name))
        return page

    def image(self, index):
        title = f"Ảnh minh họa {index + 1:02d}"
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        colour = COLOURS[index % len(COLOURS)]
        picture = PILImage.new("RGB", (1200, 800), colour)
        draw = ImageDraw.Draw(picture)
        for step in range(0, 800, 8):
            shade = tuple(min(255, v + step // 6) for v in colour)
            draw.rectangle([0, step, 1200, step + 8], fill=shade)
        rng = random.Random(index)
        for _ in range(6):
            x, y, r = rng.randint(0, 1200), rng.randint(0, 800), rng.randint(40, 160)
            draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=6)
        draw.text((60, 680), f"LDLD tinh Lao Cai - anh {index + 1}", fill="white", font=_font(48))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        self.note("images")
        return Image.objects.create(title=title, file=ImageFile(buffer, name=f"demo-{index}.jpg"))

    def pdf(self, title, number):
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        page = PILImage.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(page)
        draw.text((120, 140), f"So: {number}", fill="black", font=_font(40))
        draw.text((120, 220), "LIEN DOAN LAO DONG TINH LAO CAI", fill="black", font=_font(40))
        buffer = io.BytesIO()
        page.save(buffer, "PDF")
        self.note("documents")
        slug = "".join(ch if ch.isalnum() else "-" for ch in number.lower())
        return Document.objects.create(
            title=title, file=ContentFile(buffer.getvalue(), name=f"{slug}.pdf")
        )

    # --- the portal --------------------------------------------------------------------------

    def run(self):
        with transaction.atomic():
            self.vi, _ = Locale.objects.get_or_create(language_code="vi")
            self.en, _ = Locale.objects.get_or_create(language_code="en")
            self.images = [self.image(i) for i in range(15)]
            self.units()
            home = self.home()
            self.sections(home)
            self.english(home)
            self.accounts()
        return self.created

    def units(self):
        self.unit = {}
        for order, (code, name, short, kind) in enumerate(c.UNITS):
            self.unit[code], made = Unit.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "short_name": short,
                    "kind": kind,
                    "sort_order": order,
                    "phone": f"0214.3840.{200 + order}",
                },
            )
            if made:
                self.note("units")
        code, name, kind, until, successor = c.RETIRED_UNIT
        _, made = Unit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "sort_order": 99,
                "valid_until": datetime.date.fromisoformat(until),
                "successor": self.unit[successor],
            },
        )
        if made:
            self.note("units")
        code, former, until = c.FORMER_NAME
        UnitFormerName.objects.get_or_create(
            unit=self.unit[code], name=former, used_until=datetime.date.fromisoformat(until)
        )

    def home(self):
        root = Page.get_first_root_node()
        if root.locale_id != self.vi.pk:
            Page.objects.filter(depth=1).update(locale=self.vi)
        home = HomePage.objects.filter(depth=2, locale=self.vi).first()
        if home is None:
            home = HomePage(
                title="Liên đoàn Lao động tỉnh Lào Cai",
                slug="trang-chu",
                locale=self.vi,
                tagline="Vì quyền lợi đoàn viên, người lao động",
                welcome="<p>Cổng thông tin điện tử của tổ chức Công đoàn tỉnh Lào Cai.</p>",
                address="Số 2 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai",
                phone="0214 3820 346",
                email="ldldlaocai@example.vn",
                licence="Giấy phép số 12/GP-TTĐT. Chịu trách nhiệm: Chủ tịch LĐLĐ tỉnh Lào Cai.",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.note("home page")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "Cổng TTĐT Liên đoàn Lao động tỉnh Lào Cai",
            },
        )
        for welcome in (
            Page.objects.filter(depth=2)
            .exclude(pk=home.pk)
            .exclude(locale=self.en)
            .not_type(HomePage)
        ):
            welcome.delete()
        return home

    def sections(self, home):
        u = self.unit
        intro = self.child(
            home,
            IntroductionPage,
            "gioi-thieu-chung",
            title="Giới thiệu chung",
            show_in_menus=True,
            lead="Liên đoàn Lao động tỉnh Lào Cai là tổ chức chính trị - xã hội của giai cấp "
            "công nhân và người lao động trong tỉnh.",
            body=self.intro_body(),
        )
        self.intro = intro
        self.organisation(home)
        self.columns = {}
        for slug, title, unit_code in c.COLUMNS:
            self.columns[slug] = self.child(
                home, TopicColumnPage, slug, title=title, unit=u[unit_code], show_in_menus=True
            )
        self.news()
        self.documents(home)
        self.schedule(home)
        self.questions(home)
        self.contacts(home)
        self.media(home)
        self.subsites(home)
        self.banners()

    def intro_body(self):
        return [
            (
                "paragraph",
                RichText(
                    "<p>Công đoàn tỉnh Lào Cai được thành lập năm 1947. Trải qua các thời kỳ, tổ "
                    "chức Công đoàn luôn đồng hành cùng công nhân, viên chức, lao động trên địa "
                    "bàn tỉnh.</p>"
                ),
            ),
            (
                "org_chart",
                {
                    "image": self.images[1],
                    "caption": "Sơ đồ tổ chức LĐLĐ tỉnh",
                    "credit": "Ban Tổ chức - Kiểm tra",
                },
            ),
            ("heading", "Lịch sử"),
            (
                "timeline",
                [
                    {"year": "1947", "event": "Thành lập Công đoàn tỉnh Lào Cai."},
                    {"year": "1991", "event": "Tái lập tỉnh, kiện toàn Liên đoàn Lao động tỉnh."},
                    {
                        "year": "2025",
                        "event": "Sắp xếp tổ chức công đoàn theo mô hình chính quyền hai cấp.",
                    },
                ],
            ),
            ("heading", "Các kỳ đại hội"),
            (
                "congresses",
                [
                    {
                        "name": "Đại hội lần thứ XV",
                        "term": "2018 - 2023",
                        "held_on": datetime.date(2018, 7, 20),
                        "summary": "Đổi mới, dân chủ.",
                    },
                    {
                        "name": "Đại hội lần thứ XVI",
                        "term": "2023 - 2028",
                        "held_on": datetime.date(2023, 7, 26),
                        "summary": "Đoàn kết, đổi mới.",
                    },
                ],
            ),
            ("heading", "Chủ tịch, Phó Chủ tịch qua các thời kỳ"),
            (
                "leaders",
                [
                    {
                        "name": "Nguyễn Văn Hùng",
                        "position": "Chủ tịch",
                        "term": "2023 - 2028",
                        "photo": None,
                    },
                    {
                        "name": "Trần Thị Thanh",
                        "position": "Phó Chủ tịch Thường trực",
                        "term": "2023 - 2028",
                        "photo": None,
                    },
                ],
            ),
            ("heading", "Luật Công đoàn, Điều lệ Công đoàn Việt Nam"),
            (
                "legal_links",
                [
                    {
                        "title": "Luật Công đoàn năm 2024",
                        "url": "https://vanban.chinhphu.vn/",
                        "page": None,
                    },
                    {
                        "title": "Điều lệ Công đoàn Việt Nam khóa XIII",
                        "url": "https://congdoan.vn/",
                        "page": None,
                    },
                ],
            ),
        ]

    def organisation(self, home):
        u = self.unit
        departments = [
            DepartmentFunction(
                unit=u[code],
                functions=f"<p>Tham mưu cho Ban Thường vụ về công tác {u[code].name.lower()}.</p>",
            )
            for code in ("van-phong", "to-chuc-kiem-tra", "tuyen-giao-nu-cong", "cspl-qhld")
        ]
        people = [
            ("bch", "Nguyễn Văn Hùng", "Chủ tịch"),
            ("bch", "Trần Thị Thanh", "Phó Chủ tịch Thường trực"),
            ("bch", "Lê Quốc Bình", "Phó Chủ tịch"),
            ("btv", "Nguyễn Văn Hùng", "Chủ tịch"),
            ("btv", "Trần Thị Thanh", "Phó Chủ tịch Thường trực"),
            ("ubkt", "Vũ Thị Hạnh", "Chủ nhiệm UBKT"),
        ]
        self.organisation_page = self.child(
            home,
            OrganisationPage,
            "bo-may-to-chuc",
            title="Bộ máy tổ chức",
            show_in_menus=True,
            intro="<p>Hệ thống tổ chức công đoàn tỉnh gồm LĐLĐ tỉnh, các LĐLĐ cấp huyện, "
            "công đoàn ngành và công đoàn cơ sở.</p>",
            updated_on=datetime.date(2025, 7, 1),
            departments=departments,
            members=[
                OrganisationMember(
                    body=b, name=n, position=p, term="2023 - 2028", unit="LĐLĐ tỉnh Lào Cai"
                )
                for b, n, p in people
            ],
        )

    def news(self):
        count = 0
        for index in range(52):
            column_slug = c.COLUMNS[index % 4][0]
            column = self.columns[column_slug]
            topic, headline = c.TOPICS[index % len(c.TOPICS)]
            place = c.PLACES[index % len(c.PLACES)]
            title = f"{headline} tại {place}"
            slug = f"tin-{index + 1:03d}"
            if column.get_children().filter(slug=slug).exists():
                continue
            rng = random.Random(index)
            body = [("paragraph", RichText(f"<p>{p}</p>")) for p in rng.sample(c.PARAGRAPHS, 3)]
            page = self.child(
                column,
                NewsPage,
                slug,
                title=title,
                kind="bai" if index % 5 == 0 else "tin",
                lead=f"{headline} tại {place}, thu hút đông đảo đoàn viên, người lao động "
                "tham gia.",
                body=body,
                authors=c.AUTHORS[index % len(c.AUTHORS)],
                unit=column.unit,
                featured=index % 6 == 0,
                send_to_national=index % 3 == 0,
                photos=[
                    NewsPhoto(
                        image=self.images[index % 15],
                        caption=f"Quang cảnh hoạt động {topic.lower()} tại {place}.",
                        credit=c.AUTHORS[(index + 1) % len(c.AUTHORS)],
                    )
                ],
            )
            page.tags.add(topic)
            page.save_revision().publish()
            self.backdate(page, days=index * 7 + 1)
            count += 1
        return count

    def backdate(self, page, days):
        when = self.now - datetime.timedelta(days=days, hours=days % 9)
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        page.refresh_from_db()
        index_page(page)

    def documents(self, home):
        index = self.child(
            home, DocumentIndexPage, "van-ban-chi-dao", title="Văn bản chỉ đạo", show_in_menus=True
        )
        for n, (number, kind, issuer, level, title) in enumerate(c.DOCUMENTS):
            slug = "".join(
                ch if ch.isalnum() else "-" for ch in number.lower().replace("đ", "d")
            ).strip("-")
            issued = (self.now - datetime.timedelta(days=30 + n * 55)).date()
            self.child(
                index,
                DirectiveDocumentPage,
                slug,
                title=title,
                number=number,
                doc_type=kind,
                issuer=issuer,
                issuer_level=level,
                issued_on=issued,
                effective_on=issued + datetime.timedelta(days=15),
                signer=["Nguyễn Văn Hùng", "Trần Thị Thanh", "Lê Quốc Bình"][n % 3],
                field=["Tổ chức", "Tuyên giáo", "Chính sách - Pháp luật", "Tài chính"][n % 4],
                summary=title,
                attachments=[DocumentAttachment(document=self.pdf(f"{number} - {title}", number))],
            )
        self.child(
            home,
            DownloadsPage,
            "tai-lieu",
            title="Tài liệu",
            show_in_menus=True,
            files=[
                DownloadItem(
                    category="bieu-mau",
                    title="Mẫu đơn gia nhập Công đoàn Việt Nam",
                    document=self.pdf("Mẫu đơn gia nhập công đoàn", "MAU-01"),
                ),
                DownloadItem(
                    category="bieu-mau",
                    title="Mẫu báo cáo quý của công đoàn cơ sở",
                    document=self.pdf("Mẫu báo cáo quý", "MAU-02"),
                ),
                DownloadItem(
                    category="tuyen-van",
                    title="Đề cương tuyên truyền Tháng Công nhân",
                    document=self.pdf("Đề cương tuyên truyền", "TV-01"),
                ),
            ],
        )

    def schedule(self, home):
        index = self.child(
            home,
            ScheduleIndexPage,
            "lich-cong-tac",
            title="Lịch công tác tuần",
            show_in_menus=True,
            intro="Lịch công tác của Thường trực LĐLĐ tỉnh.",
        )
        today = timezone.localdate()
        this_monday = today - datetime.timedelta(days=today.weekday())
        for monday in (this_monday - datetime.timedelta(days=7), this_monday):
            entries = [
                ScheduleEntry(
                    day=monday + datetime.timedelta(days=offset),
                    time=datetime.time.fromisoformat(at),
                    content=what,
                    leader=who,
                    participants=with_whom,
                    location=where,
                )
                for offset, at, what, who, with_whom, where in c.SCHEDULE
            ]
            week_no = monday.isocalendar()[1]
            self.child(
                index,
                WeeklySchedulePage,
                f"tuan-{monday:%Y-%m-%d}",
                title=f"Lịch công tác tuần {week_no} ({monday:%d/%m} - "
                f"{monday + datetime.timedelta(days=4):%d/%m/%Y})",
                week_start=monday,
                entries=entries,
            )

    def questions(self, home):
        index = self.child(
            home,
            QAIndexPage,
            "hoi-dap",
            title="Hỏi đáp",
            show_in_menus=True,
            intro="<p>Ban Chính sách - Pháp luật & Quan hệ Lao động trả lời.</p>",
        )
        for n, (title, question, answer, topic) in enumerate(c.QUESTIONS):
            asked = (self.now - datetime.timedelta(days=20 + n * 30)).date()
            self.child(
                index,
                QuestionPage,
                f"cau-hoi-{n + 1:02d}",
                title=title,
                question=question,
                asker_name=["Chị Lan", "Anh Tú", "Chị Hương", "Anh Phong"][n % 4],
                asker_unit=c.PLACES[n % len(c.PLACES)],
                asker_contact=f"09{n}2 345 67{n} (không công khai)",
                asked_on=asked,
                answer=f"<p>{answer}</p>",
                answered_on=asked + datetime.timedelta(days=3),
                answering_unit=self.unit["cspl-qhld"],
                topic=topic,
            )

    def contacts(self, home):
        self.contacts_page = self.child(
            home,
            ContactDirectoryPage,
            "so-dien-thoai",
            title="Số điện thoại",
            show_in_menus=True,
            contacts=[
                Contact(
                    unit=unit,
                    name="",
                    position="Trực ban",
                    phone=unit.phone,
                    email=f"{unit.code}@example.vn",
                )
                for unit in self.unit.values()
            ],
        )

    def media(self, home):
        videos = self.child(home, VideoIndexPage, "video", title="Video", show_in_menus=True)
        for months in (0, 1):
            month = (self.now - datetime.timedelta(days=30 * months)).date().replace(day=1)
            self.child(
                videos,
                VideoPage,
                f"video-{month:%Y-%m}",
                title=f"Video Chuyên mục Công đoàn tháng {month:%m/%Y}",
                month=month,
                description="Chuyên mục phát sóng hằng tháng về hoạt động công đoàn.",
                video_url="https://www.youtube.com/@congdoanlaocai",
                poster=self.images[months + 3],
                unit=self.unit["tuyen-giao-nu-cong"],
            )
        galleries = self.child(
            home, GalleryIndexPage, "hinh-anh", title="Hình ảnh nổi bật", show_in_menus=True
        )
        month = self.now.date().replace(day=1)
        for n, code in enumerate(("van-phong", "to-chuc-kiem-tra", "tuyen-giao-nu-cong")):
            self.child(
                galleries,
                GalleryPage,
                f"{month:%Y-%m}-{code}",
                title=f"Ảnh nổi bật tháng {month:%m/%Y} - {self.unit[code].short_name}",
                month=month,
                unit=self.unit[code],
                photos=[
                    GalleryPhoto(
                        image=self.images[(n * 3 + k) % 15],
                        caption=f"Hoạt động tháng {month:%m/%Y} ({k + 1})",
                        credit=self.unit[code].short_name,
                    )
                    for k in range(3)
                ],
            )

    def subsites(self, home):
        index = self.child(
            home,
            SubSiteIndexPage,
            "don-vi",
            title="Các LĐLĐ huyện và Công đoàn ngành",
            show_in_menus=True,
        )
        for n, code in enumerate(("tp-lao-cai", "sa-pa", "bat-xat", "gd", "yt")):
            unit = self.unit[code]
            subsite = self.child(
                index,
                SubSiteHomePage,
                code,
                title=unit.name,
                unit=unit,
                intro=f"<p>Trang thông tin của {unit.name}.</p>",
            )
            self.child(
                subsite,
                UnitIntroPage,
                "gioi-thieu-cong-doan",
                title="Giới thiệu công đoàn",
                body=[
                    (
                        "paragraph",
                        RichText(
                            f"<p>{unit.name} có nhiều công đoàn cơ sở trực thuộc, chăm lo cho "
                            f"hàng nghìn đoàn viên.</p>"
                        ),
                    )
                ],
            )
            for k in range(3):
                slug = f"tin-{k + 1:02d}"
                if subsite.get_children().filter(slug=slug).exists():
                    continue
                topic, headline = c.TOPICS[(n + k) % len(c.TOPICS)]
                page = self.child(
                    subsite,
                    NewsPage,
                    slug,
                    title=f"{unit.short_name}: {headline.lower()}",
                    lead=f"{unit.name} {headline[0].lower()}{headline[1:]}.",
                    body=[("paragraph", RichText(f"<p>{c.PARAGRAPHS[k]}</p>"))],
                    authors=c.AUTHORS[k],
                    unit=unit,
                    photos=[
                        NewsPhoto(
                            image=self.images[(n + k) % 15],
                            caption=f"{topic} tại {unit.name}",
                            credit=unit.short_name,
                        )
                    ],
                )
                self.backdate(page, days=n * 11 + k * 23 + 2)

    def banners(self):
        for n, title in enumerate(["Tháng Công nhân", "Phát triển đoàn viên"]):
            _, made = Banner.objects.get_or_create(
                title=title,
                defaults={
                    "image": self.images[10 + n],
                    "alt_text": f"Hưởng ứng {title}",
                    "starts_at": self.now - datetime.timedelta(days=30),
                    "ends_at": self.now + datetime.timedelta(days=365),
                    "sort_order": n,
                },
            )
            if made:
                self.note("banners")

    def english(self, home):
        english = {
            home: ("Lao Cai Provincial Labour Federation", None),
            self.intro: ("About us", "The provincial federation of trade unions of Lào Cai."),
            self.organisation_page: ("Organisation", None),
            self.contacts_page: ("Phone directory", None),
        }
        for page, (title, lead) in english.items():
            if page.get_translations().filter(locale=self.en).exists():
                continue
            translated = page.copy_for_translation(self.en, copy_parents=True)
            translated.title = title
            if lead is not None:
                translated.lead = lead
            if isinstance(translated, HomePage):
                translated.tagline = "For the rights of union members and workers"
            translated.save_revision().publish()
            self.note("English pages")

    def accounts(self):
        access = Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
        for username, first, last, group_name in c.ACCOUNTS:
            group, _ = Group.objects.get_or_create(name=group_name)
            group.permissions.add(access)
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username, f"{username}@example.vn", PASSWORD, first_name=first, last_name=last
                )
                self.note("accounts")
            user.groups.add(group)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "vi"
            profile.current_time_zone = "Asia/Ho_Chi_Minh"
            profile.save()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.vn", PASSWORD)
            self.note("accounts")


def _font(size):
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def load_demo(stdout=None) -> dict:
    return Loader(stdout).run()
