"""Texts of the demo Lào Cai federation, kept apart from the code that loads them.

People and firms are fictional; places, the union system and the labour law are real. Dates are
given as (month, day) and placed in the twelve months before the day the demo is loaded, so a
Tết item is dated in January and a 20/10 item in October whatever the year.
"""

FEDERATION = "Liên đoàn Lao động tỉnh Lào Cai"
SITE_NAME = "Cổng TTĐT Liên đoàn Lao động tỉnh Lào Cai"

HOME = {
    "title": FEDERATION,
    "tagline": "Vì quyền lợi đoàn viên, người lao động",
    "welcome": "<p>Cổng thông tin điện tử của tổ chức Công đoàn tỉnh Lào Cai: tin tức hoạt động "
    "công đoàn, văn bản chỉ đạo, lịch công tác tuần của lãnh đạo và <b>giải đáp pháp luật</b> "
    "cho người lao động.</p>",
    "address": "Số 2 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai",
    "phone": "0214 3820 346",
    "email": "ldld@laocai.example.vn",
    "licence": "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Lào Cai cấp. "
    "Chịu trách nhiệm nội dung: Chủ tịch LĐLĐ tỉnh, Trưởng Ban Biên tập.",
}
HOME_EN = {
    "title": "Lào Cai Provincial Labour Federation",
    "tagline": "For the rights and interests of union members and workers",
    "welcome": "<p>The web portal of the trade unions of Lào Cai province: union news, "
    "directive documents, the leaders' weekly schedule and <b>legal advice</b> for workers. "
    "Most content is in Vietnamese.</p>",
    "address": "No. 2 Hoàng Liên street, Cốc Lếu ward, Lào Cai province, Vietnam",
    "licence": "Licence No. 12/GP-TTĐT. Responsible for the content: the Chairman of the "
    "Federation, Head of the Editorial Board.",
}

# --- units -----------------------------------------------------------------------------------

# code, name, short name, kind, phone, English name
UNITS = [
    (
        "van-phong",
        "Văn phòng LĐLĐ tỉnh",
        "Văn phòng",
        "office",
        "0214 3820 346",
        "Office of the Federation",
    ),
    (
        "to-chuc-kiem-tra",
        "Ban Tổ chức - Kiểm tra",
        "Ban TC-KT",
        "department",
        "0214 3820 512",
        "Organisation & Inspection Department",
    ),
    (
        "tuyen-giao-nu-cong",
        "Ban Tuyên giáo - Nữ công",
        "Ban TG-NC",
        "department",
        "0214 3820 513",
        "Propaganda & Women's Affairs Department",
    ),
    (
        "cspl-qhld",
        "Ban Chính sách - Pháp luật & Quan hệ Lao động",
        "Ban CS-PL & QHLĐ",
        "department",
        "0214 3820 514",
        "Policy, Law & Labour Relations Department",
    ),
    (
        "ubkt",
        "Ủy ban Kiểm tra LĐLĐ tỉnh",
        "UBKT",
        "committee",
        "0214 3820 515",
        "Inspection Committee",
    ),
    (
        "tp-lao-cai",
        "LĐLĐ thành phố Lào Cai",
        "LĐLĐ TP Lào Cai",
        "district",
        "0214 3840 211",
        "Lào Cai City Labour Federation",
    ),
    (
        "sa-pa",
        "LĐLĐ thị xã Sa Pa",
        "LĐLĐ Sa Pa",
        "district",
        "0214 3871 226",
        "Sa Pa Town Labour Federation",
    ),
    (
        "bat-xat",
        "LĐLĐ huyện Bát Xát",
        "LĐLĐ Bát Xát",
        "district",
        "0214 3883 150",
        "Bát Xát District Labour Federation",
    ),
    (
        "bao-thang",
        "LĐLĐ huyện Bảo Thắng",
        "LĐLĐ Bảo Thắng",
        "district",
        "0214 3862 274",
        "Bảo Thắng District Labour Federation",
    ),
    (
        "gd",
        "Công đoàn ngành Giáo dục",
        "CĐN Giáo dục",
        "sector",
        "0214 3822 415",
        "Education Sector Union",
    ),
    ("yt", "Công đoàn ngành Y tế", "CĐN Y tế", "sector", "0214 3826 318", "Health Sector Union"),
]
# History: a district federation and a department merged away, and two renames.
RETIRED_UNITS = [
    # code, name, short name, kind, valid until, merged into
    (
        "muong-khuong",
        "LĐLĐ huyện Mường Khương",
        "LĐLĐ Mường Khương",
        "district",
        "2025-06-30",
        "bao-thang",
    ),
    ("nu-cong", "Ban Nữ công", "Ban NC", "department", "2020-12-31", "tuyen-giao-nu-cong"),
]
FORMER_NAMES = [
    # unit code, former name, used until
    ("tuyen-giao-nu-cong", "Ban Tuyên giáo", "2020-12-31"),
    ("sa-pa", "LĐLĐ huyện Sa Pa", "2019-12-31"),
]
DEPARTMENTS = ["van-phong", "to-chuc-kiem-tra", "tuyen-giao-nu-cong", "cspl-qhld", "ubkt"]
SUBSITE_UNITS = ["tp-lao-cai", "sa-pa", "bat-xat", "gd", "yt"]

# --- people (fictional) ----------------------------------------------------------------------

CHAIRMAN = "Nguyễn Văn Hùng"
STANDING_VICE = "Trần Thị Thanh"
VICE = "Lê Quốc Bình"

# body, name, position, workplace, English position, English workplace
MEMBERS = [
    ("bch", CHAIRMAN, "Chủ tịch", "LĐLĐ tỉnh", "Chairman", "Provincial Federation"),
    (
        "bch",
        STANDING_VICE,
        "Phó Chủ tịch Thường trực",
        "LĐLĐ tỉnh",
        "Standing Vice-Chairwoman",
        "Provincial Federation",
    ),
    ("bch", VICE, "Phó Chủ tịch", "LĐLĐ tỉnh", "Vice-Chairman", "Provincial Federation"),
    (
        "bch",
        "Vũ Thị Hạnh",
        "Chủ nhiệm Ủy ban Kiểm tra",
        "LĐLĐ tỉnh",
        "Chair of the Inspection Committee",
        "Provincial Federation",
    ),
    ("bch", "Hoàng Minh Đức", "Chánh Văn phòng", "LĐLĐ tỉnh", "Head of the Office", "Office"),
    (
        "bch",
        "Phạm Văn Khánh",
        "Trưởng ban",
        "Ban Tổ chức - Kiểm tra",
        "Head of department",
        "Organisation & Inspection Department",
    ),
    (
        "bch",
        "Đỗ Thị Ngọc Anh",
        "Trưởng ban",
        "Ban Tuyên giáo - Nữ công",
        "Head of department",
        "Propaganda & Women's Affairs Department",
    ),
    (
        "bch",
        "Bùi Đức Thắng",
        "Trưởng ban",
        "Ban Chính sách - Pháp luật & Quan hệ Lao động",
        "Head of department",
        "Policy, Law & Labour Relations Department",
    ),
    (
        "bch",
        "Nguyễn Thị Thu Trang",
        "Chủ tịch",
        "LĐLĐ thành phố Lào Cai",
        "Chairwoman",
        "Lào Cai City Labour Federation",
    ),
    ("bch", "Vàng Thị Mai", "Chủ tịch", "LĐLĐ thị xã Sa Pa", "Chairwoman", "Sa Pa Town LF"),
    ("bch", "Lò Văn Hải", "Chủ tịch", "LĐLĐ huyện Bát Xát", "Chairman", "Bát Xát District LF"),
    (
        "bch",
        "Lương Văn Tâm",
        "Chủ tịch",
        "Công đoàn ngành Giáo dục",
        "Chairman",
        "Education Sector Union",
    ),
    (
        "bch",
        "Đinh Thị Hương",
        "Chủ tịch",
        "Công đoàn ngành Y tế",
        "Chairwoman",
        "Health Sector Union",
    ),
    ("btv", CHAIRMAN, "Chủ tịch", "LĐLĐ tỉnh", "Chairman", "Provincial Federation"),
    (
        "btv",
        STANDING_VICE,
        "Phó Chủ tịch Thường trực",
        "LĐLĐ tỉnh",
        "Standing Vice-Chairwoman",
        "Provincial Federation",
    ),
    ("btv", VICE, "Phó Chủ tịch", "LĐLĐ tỉnh", "Vice-Chairman", "Provincial Federation"),
    (
        "btv",
        "Vũ Thị Hạnh",
        "Chủ nhiệm Ủy ban Kiểm tra",
        "LĐLĐ tỉnh",
        "Chair of the Inspection Committee",
        "Provincial Federation",
    ),
    ("btv", "Hoàng Minh Đức", "Chánh Văn phòng", "LĐLĐ tỉnh", "Head of the Office", "Office"),
    (
        "btv",
        "Phạm Văn Khánh",
        "Trưởng Ban Tổ chức - Kiểm tra",
        "LĐLĐ tỉnh",
        "Head of the Organisation & Inspection Department",
        "Provincial Federation",
    ),
    (
        "btv",
        "Nguyễn Thị Thu Trang",
        "Chủ tịch LĐLĐ thành phố Lào Cai",
        "LĐLĐ thành phố Lào Cai",
        "Chairwoman of the Lào Cai City Labour Federation",
        "Lào Cai City Labour Federation",
    ),
    (
        "ubkt",
        "Vũ Thị Hạnh",
        "Chủ nhiệm",
        "LĐLĐ tỉnh",
        "Chairwoman",
        "Provincial Federation",
    ),
    (
        "ubkt",
        "Ngô Văn Toàn",
        "Phó Chủ nhiệm",
        "LĐLĐ tỉnh",
        "Vice-Chairman",
        "Provincial Federation",
    ),
    (
        "ubkt",
        "Hà Thị Lan",
        "Ủy viên chuyên trách",
        "LĐLĐ tỉnh",
        "Full-time member",
        "Provincial Federation",
    ),
    (
        "ubkt",
        "Phạm Văn Khánh",
        "Ủy viên",
        "Ban Tổ chức - Kiểm tra",
        "Member",
        "Organisation & Inspection Department",
    ),
    (
        "ubkt",
        "Lương Văn Tâm",
        "Ủy viên",
        "Công đoàn ngành Giáo dục",
        "Member",
        "Education Sector Union",
    ),
    ("office", "Hoàng Minh Đức", "Chánh Văn phòng", "Văn phòng", "Head of the Office", "Office"),
    ("office", "Nông Thị Hiền", "Phó Chánh Văn phòng", "Văn phòng", "Deputy Head", "Office"),
]

# Unit code -> (person answering the phone, position, English position)
UNIT_CONTACTS = {
    "van-phong": ("Hoàng Minh Đức", "Chánh Văn phòng", "Head of the Office"),
    "to-chuc-kiem-tra": ("Phạm Văn Khánh", "Trưởng ban", "Head of department"),
    "tuyen-giao-nu-cong": ("Đỗ Thị Ngọc Anh", "Trưởng ban", "Head of department"),
    "cspl-qhld": ("Bùi Đức Thắng", "Trưởng ban", "Head of department"),
    "ubkt": ("Vũ Thị Hạnh", "Chủ nhiệm", "Chairwoman"),
    "tp-lao-cai": ("Nguyễn Thị Thu Trang", "Chủ tịch", "Chairwoman"),
    "sa-pa": ("Vàng Thị Mai", "Chủ tịch", "Chairwoman"),
    "bat-xat": ("Lò Văn Hải", "Chủ tịch", "Chairman"),
    "bao-thang": ("Trịnh Văn Long", "Chủ tịch", "Chairman"),
    "gd": ("Lương Văn Tâm", "Chủ tịch", "Chairman"),
    "yt": ("Đinh Thị Hương", "Chủ tịch", "Chairwoman"),
}
LEADERS_GROUP = "Thường trực LĐLĐ tỉnh"
LEADERS_GROUP_EN = "Standing officers of the Federation"
# name, position, English position, phone
LEADER_CONTACTS = [
    (CHAIRMAN, "Chủ tịch", "Chairman", "0214 3820 111"),
    (STANDING_VICE, "Phó Chủ tịch Thường trực", "Standing Vice-Chairwoman", "0214 3820 222"),
    (VICE, "Phó Chủ tịch", "Vice-Chairman", "0214 3820 333"),
]
CONTACTS_INTRO = (
    "<p>Số điện thoại của Thường trực, các ban LĐLĐ tỉnh, các LĐLĐ huyện, thị xã, thành phố và "
    "Công đoàn ngành. Đường dây nóng tư vấn pháp luật cho người lao động: <b>1900 1234</b> "
    "(giờ hành chính).</p>"
)
CONTACTS_INTRO_EN = (
    "<p>Phone numbers of the Federation's standing officers, its departments, the district "
    "federations and the sector unions. Legal advice hotline for workers: <b>1900 1234</b> "
    "(office hours, in Vietnamese).</p>"
)

# --- introduction and organisation -----------------------------------------------------------

INTRO = {
    "title": "Giới thiệu chung",
    "lead": "Liên đoàn Lao động tỉnh Lào Cai là tổ chức chính trị - xã hội của giai cấp công "
    "nhân và người lao động trong tỉnh, đại diện, chăm lo và bảo vệ quyền, lợi ích hợp pháp, "
    "chính đáng của đoàn viên và người lao động.",
    "about": "<p>Liên đoàn Lao động tỉnh Lào Cai là thành viên của hệ thống chính trị, hoạt động "
    "dưới sự lãnh đạo của Tỉnh ủy Lào Cai và sự chỉ đạo trực tiếp của Tổng Liên đoàn Lao động "
    "Việt Nam.</p><p>Hệ thống công đoàn tỉnh gồm Liên đoàn Lao động tỉnh; các Liên đoàn Lao "
    "động huyện, thị xã, thành phố và Công đoàn ngành; hơn 800 công đoàn cơ sở với trên 60.000 "
    "đoàn viên trong các cơ quan, đơn vị sự nghiệp và doanh nghiệp.</p>",
    "duties_heading": "Chức năng, nhiệm vụ",
    "duties": "<ul><li>Đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn "
    "viên và người lao động;</li><li>Tham gia quản lý nhà nước, quản lý kinh tế - xã hội; tham "
    "gia thanh tra, kiểm tra, giám sát hoạt động của cơ quan, tổ chức, doanh nghiệp;</li>"
    "<li>Tuyên truyền, vận động người lao động học tập nâng cao trình độ, chấp hành pháp luật;"
    "</li><li>Phát triển đoàn viên, xây dựng tổ chức công đoàn vững mạnh.</li></ul>",
    "chart_heading": "Sơ đồ tổ chức",
    "chart_caption": "Sơ đồ tổ chức bộ máy Liên đoàn Lao động tỉnh Lào Cai",
    "chart_credit": "Ban Tổ chức - Kiểm tra",
    "history_heading": "Lịch sử Công đoàn tỉnh Lào Cai",
    "timeline": [
        ("1929", "Công hội Đỏ Bắc Kỳ ra đời ngày 28/7, tiền thân của Công đoàn Việt Nam."),
        (
            "1991",
            "Tỉnh Lào Cai được tái lập; Liên đoàn Lao động tỉnh Lào Cai được thành lập trên cơ "
            "sở tách từ Liên đoàn Lao động tỉnh Hoàng Liên Sơn.",
        ),
        ("2004", "Thành lập thành phố Lào Cai; kiện toàn LĐLĐ thành phố Lào Cai."),
        ("2020", "Thành lập thị xã Sa Pa; LĐLĐ huyện Sa Pa đổi tên thành LĐLĐ thị xã Sa Pa."),
        (
            "2021",
            "Hợp nhất Ban Tuyên giáo và Ban Nữ công thành Ban Tuyên giáo - Nữ công; ban hành "
            "Quy chế hoạt động Cổng thông tin điện tử LĐLĐ tỉnh.",
        ),
        ("2025", "Sắp xếp tổ chức công đoàn theo mô hình chính quyền địa phương hai cấp."),
    ],
    "congress_heading": "Các kỳ Đại hội Công đoàn tỉnh",
    "congresses": [
        ("Đại hội lần thứ XIV", "2013 - 2018", "2013-07-18", "Đổi mới, dân chủ, đoàn kết."),
        ("Đại hội lần thứ XV", "2018 - 2023", "2018-07-20", "Vì quyền lợi người lao động."),
        (
            "Đại hội lần thứ XVI",
            "2023 - 2028",
            "2023-07-26",
            "Đổi mới, sáng tạo, đồng hành cùng đoàn viên và người lao động.",
        ),
    ],
    "leaders_heading": "Chủ tịch, Phó Chủ tịch qua các thời kỳ",
    "leaders": [
        ("Phan Văn Thịnh", "Chủ tịch", "2013 - 2018"),
        ("Đào Thị Hồng", "Phó Chủ tịch", "2013 - 2018"),
        ("Nguyễn Đức Quang", "Chủ tịch", "2018 - 2023"),
        (STANDING_VICE, "Phó Chủ tịch", "2018 - 2023"),
        (CHAIRMAN, "Chủ tịch", "2023 - 2028"),
        (STANDING_VICE, "Phó Chủ tịch Thường trực", "2023 - 2028"),
        (VICE, "Phó Chủ tịch", "2023 - 2028"),
    ],
    "law_heading": "Luật Công đoàn, Điều lệ Công đoàn Việt Nam",
    "laws": [
        ("Luật Công đoàn số 50/2024/QH15", "https://vanban.chinhphu.vn/"),
        ("Điều lệ Công đoàn Việt Nam (Đại hội XIII)", "https://www.congdoan.vn/"),
    ],
    "guidance": "Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam",
}
INTRO_EN = {
    "title": "About the Federation",
    "lead": "The Lào Cai Provincial Labour Federation is the socio-political organisation of "
    "the working class and workers of the province: it represents union members and workers, "
    "cares for them and defends their lawful rights and interests.",
    "about": "<p>The Federation is part of Vietnam's political system, led by the Lào Cai "
    "Provincial Party Committee and directed by the Vietnam General Confederation of Labour."
    "</p><p>The province's union system has the Provincial Federation; the district, town and "
    "city federations and the sector unions; and more than 800 grassroots unions with over "
    "60,000 members in public bodies and enterprises.</p>",
    "duties_heading": "Functions and duties",
    "duties": "<ul><li>Represent union members and workers, care for them and defend their "
    "lawful rights and interests;</li><li>Take part in state, economic and social management "
    "and in the inspection and supervision of agencies, organisations and enterprises;</li>"
    "<li>Encourage workers to learn, raise their skills and abide by the law;</li><li>Recruit "
    "members and build strong unions.</li></ul>",
    "chart_heading": "Organisation chart",
    "chart_caption": "Organisation chart of the Lào Cai Provincial Labour Federation",
    "chart_credit": "Organisation & Inspection Department",
    "history_heading": "History",
    "timeline": [
        (
            "1929",
            "The Red Workers' Association of Tonkin, forerunner of Vietnam's unions, is founded.",
        ),
        (
            "1991",
            "Lào Cai province is re-established; the Lào Cai Provincial Labour Federation is "
            "formed from the Hoàng Liên Sơn Federation.",
        ),
        ("2004", "Lào Cai city is founded; the city federation is reorganised."),
        ("2020", "Sa Pa becomes a town; the Sa Pa district federation is renamed."),
        (
            "2021",
            "The Propaganda and the Women's Affairs departments merge; the portal's "
            "regulations are issued.",
        ),
        ("2025", "Unions are reorganised along the two-tier local government model."),
    ],
    "congress_heading": "Congresses",
    "congresses": [
        ("14th Congress", "2013 - 2018", "2013-07-18", "Renewal, democracy, unity."),
        ("15th Congress", "2018 - 2023", "2018-07-20", "For the rights of workers."),
        ("16th Congress", "2023 - 2028", "2023-07-26", "Renewal and creativity, beside workers."),
    ],
    "leaders_heading": "Chairs and vice-chairs through the terms",
    "leaders": [
        ("Phan Văn Thịnh", "Chairman", "2013 - 2018"),
        ("Đào Thị Hồng", "Vice-Chairwoman", "2013 - 2018"),
        ("Nguyễn Đức Quang", "Chairman", "2018 - 2023"),
        (STANDING_VICE, "Vice-Chairwoman", "2018 - 2023"),
        (CHAIRMAN, "Chairman", "2023 - 2028"),
        (STANDING_VICE, "Standing Vice-Chairwoman", "2023 - 2028"),
        (VICE, "Vice-Chairman", "2023 - 2028"),
    ],
    "law_heading": "Trade Union Law and Charter",
    "laws": [
        ("Trade Union Law No. 50/2024/QH15 (Vietnamese)", "https://vanban.chinhphu.vn/"),
        ("Charter of the Vietnam Trade Union (13th Congress)", "https://www.congdoan.vn/"),
    ],
    "guidance": "Guidance on the Charter of the Vietnam Trade Union (Vietnamese)",
}

ORGANISATION_INTRO = (
    "<p>Hệ thống tổ chức công đoàn tỉnh Lào Cai gồm: Liên đoàn Lao động tỉnh; các Liên đoàn Lao "
    "động huyện, thị xã, thành phố và các Công đoàn ngành (công đoàn cấp trên trực tiếp cơ sở); "
    "các công đoàn cơ sở.</p><p>Cơ quan Liên đoàn Lao động tỉnh gồm Văn phòng và ba ban chuyên "
    "môn; Ủy ban Kiểm tra làm việc theo quy chế riêng. Danh sách Ban Chấp hành, Ban Thường vụ và "
    "Ủy ban Kiểm tra do Ban Tổ chức - Kiểm tra cập nhật mỗi khi có thay đổi.</p>"
)
ORGANISATION_INTRO_EN = (
    "<p>The union system of Lào Cai has three levels: the Provincial Labour Federation; the "
    "district, town and city federations and the sector unions; and the grassroots unions.</p>"
    "<p>The Federation's office has the Office and three departments; the Inspection Committee "
    "works under its own rules. The Organisation &amp; Inspection Department updates the lists "
    "of the Executive Committee, the Standing Committee and the Inspection Committee whenever "
    "they change.</p>"
)
FUNCTIONS = {
    "van-phong": "<p>Tham mưu, giúp việc Ban Thường vụ, Thường trực LĐLĐ tỉnh xây dựng chương "
    "trình công tác, tổng hợp tình hình; quản lý văn thư, lưu trữ, tài chính, tài sản, thi đua - "
    "khen thưởng và công nghệ thông tin.</p><ul><li>Vận hành Cổng thông tin điện tử;</li><li>Đăng "
    "tải văn bản chỉ đạo và lịch công tác tuần của lãnh đạo;</li><li>Quản lý mục Tài liệu và danh "
    "bạ điện thoại.</li></ul>",
    "to-chuc-kiem-tra": "<p>Tham mưu về công tác tổ chức, cán bộ, phát triển đoàn viên, thành lập "
    "công đoàn cơ sở; hướng dẫn tổ chức đại hội công đoàn các cấp; giúp Ủy ban Kiểm tra thực hiện "
    "nhiệm vụ kiểm tra, giám sát.</p><ul><li>Cung cấp nội dung mục Giới thiệu chung và Bộ máy tổ "
    "chức;</li><li>Biên tập chuyên mục Tổ chức - Kiểm tra.</li></ul>",
    "tuyen-giao-nu-cong": "<p>Tham mưu về công tác tuyên truyền, giáo dục chính trị, tư tưởng, "
    "văn hóa - thể thao, thi đua; công tác vận động nữ công nhân, viên chức, lao động và bình đẳng "
    "giới.</p><ul><li>Biên tập chuyên mục Tuyên giáo - Nữ công;</li><li>Thực hiện Video Chuyên mục "
    "Công đoàn hằng tháng và banner tuyên truyền;</li><li>Cung cấp tài liệu tuyên vận.</li></ul>",
    "cspl-qhld": "<p>Tham mưu về đại diện, bảo vệ quyền, lợi ích hợp pháp của người lao động; "
    "đối thoại, thương lượng, ký kết thỏa ước lao động tập thể; giám sát thực hiện chính sách bảo "
    "hiểm xã hội, an toàn, vệ sinh lao động.</p><ul><li>Tư vấn pháp luật, trả lời mục Hỏi đáp;</li>"
    "<li>Biên tập chuyên mục Chính sách - Pháp luật &amp; Quan hệ Lao động.</li></ul>",
    "ubkt": "<p>Kiểm tra việc chấp hành Điều lệ Công đoàn Việt Nam, nghị quyết, chỉ thị của công "
    "đoàn; kiểm tra tài chính, quản lý tài sản công đoàn; giải quyết khiếu nại, tố cáo theo thẩm "
    "quyền.</p>",
}
FUNCTIONS_EN = {
    "van-phong": "<p><b>Office.</b> Assists the Standing Committee with work programmes, "
    "records and archives, finance and assets, awards and IT.</p><ul><li>Runs this portal;</li>"
    "<li>Posts directive documents and the leaders' weekly schedule;</li><li>Keeps the "
    "downloads and the phone directory.</li></ul>",
    "to-chuc-kiem-tra": "<p><b>Organisation &amp; Inspection Department.</b> Organisation and "
    "staff, member recruitment, founding of grassroots unions, union congresses; supports the "
    "Inspection Committee.</p><ul><li>Provides the About and Organisation pages;</li><li>Edits "
    "the Organisation – Inspection column.</li></ul>",
    "tuyen-giao-nu-cong": "<p><b>Propaganda &amp; Women's Affairs Department.</b> Political "
    "education, culture and sport, emulation movements, women workers and gender equality.</p>"
    "<ul><li>Edits the Propaganda – Women's Affairs column;</li><li>Produces the monthly union "
    "video and the campaign banners.</li></ul>",
    "cspl-qhld": "<p><b>Policy, Law &amp; Labour Relations Department.</b> Represents and "
    "defends workers, dialogue and collective bargaining, collective agreements; monitors social "
    "insurance and occupational safety.</p><ul><li>Gives legal advice and answers the Q&amp;A;"
    "</li><li>Edits the Policy – Law &amp; Labour Relations column.</li></ul>",
    "ubkt": "<p><b>Inspection Committee.</b> Checks compliance with the Union Charter and "
    "resolutions, union finances and assets; handles complaints and denunciations.</p>",
}

# --- topic columns and news ------------------------------------------------------------------

COLUMNS = [
    # slug, title, owning unit
    ("to-chuc-kiem-tra", "Tổ chức - Kiểm tra", "to-chuc-kiem-tra"),
    ("tuyen-giao-nu-cong", "Tuyên giáo - Nữ công", "tuyen-giao-nu-cong"),
    ("chinh-sach-phap-luat", "Chính sách - Pháp luật & Quan hệ Lao động", "cspl-qhld"),
    ("van-phong", "Văn phòng", "van-phong"),
]
COLUMN_INTROS = {
    "to-chuc-kiem-tra": "Tin, bài về công tác tổ chức, phát triển đoàn viên, đại hội công đoàn và "
    "kiểm tra, giám sát.",
    "tuyen-giao-nu-cong": "Tin, bài về phong trào công nhân, viên chức, lao động, tuyên truyền, "
    "văn hóa - thể thao và công tác nữ công.",
    "chinh-sach-phap-luat": "Tin, bài về đối thoại, thương lượng, thỏa ước lao động tập thể, an "
    "toàn, vệ sinh lao động và tư vấn pháp luật.",
    "van-phong": "Tin, bài về hoạt động của cơ quan LĐLĐ tỉnh và Cổng thông tin điện tử.",
}
AUTHORS = {
    "to-chuc-kiem-tra": ["Vũ Tiến Dũng", "Phạm Văn Khánh"],
    "tuyen-giao-nu-cong": ["Ngô Hoàng Lan", "Phạm Thu Hằng", "Ngô Hoàng Lan, Phạm Thu Hằng"],
    "chinh-sach-phap-luat": ["Bùi Văn Nam", "Bùi Đức Thắng"],
    "van-phong": ["Đặng Thị Hoa", "Đỗ Minh Tuấn"],
}

# The generated photo pool: one theme per picture (drawn on it as its label).
PHOTO_THEMES = [
    "Hội nghị",
    "Đại hội công đoàn",
    "Tập huấn",
    "Kiểm tra, giám sát",
    "Trao quyết định",
    "Tháng Công nhân",
    "Tết Sum vầy",
    "Nữ công",
    "Mái ấm Công đoàn",
    "Văn nghệ",
    "Thể thao",
    "Đối thoại",
    "Thỏa ước lao động tập thể",
    "An toàn lao động",
    "Tư vấn pháp luật",
]

# Each story runs twice, at two places (`x` fills {x}) and two dates (month, day).
STORIES = {
    "to-chuc-kiem-tra": [
        {
            "title": "Đại hội điểm Công đoàn cơ sở {x}",
            "lead": "Đại hội điểm Công đoàn cơ sở {x} được tổ chức thành công, bầu Ban Chấp hành "
            "khóa mới gồm 7 đồng chí, rút kinh nghiệm cho các công đoàn cơ sở khác trong tỉnh.",
            "body": [
                "Dự đại hội có lãnh đạo Ban Tổ chức - Kiểm tra LĐLĐ tỉnh, cấp ủy, chuyên môn "
                "đơn vị cùng 85 đại biểu đại diện cho hơn 300 đoàn viên công đoàn.",
                "Nhiệm kỳ qua, công đoàn cơ sở đã phối hợp với người sử dụng lao động thực hiện "
                "đầy đủ chế độ, chính sách cho người lao động; 100% đoàn viên được ký hợp đồng "
                "lao động và đóng bảo hiểm xã hội; thu nhập bình quân đạt 8,5 triệu đồng/tháng.",
                "Đại hội đã thảo luận, thông qua báo cáo, bầu Ban Chấp hành khóa mới và các chỉ "
                "tiêu nhiệm kỳ tới, trong đó 100% đoàn viên được tuyên truyền pháp luật lao động.",
            ],
            "tags": ["Đại hội công đoàn", "Tổ chức"],
            "kind": "bai",
            "photo": "Đại hội công đoàn",
            "caption": "Quang cảnh Đại hội điểm Công đoàn cơ sở {x}.",
            "at": [
                ("Công ty Cổ phần Khoáng sản Sơn Hà", 4, 14),
                ("Trường THPT số 1 Bảo Thắng", 3, 28),
            ],
        },
        {
            "title": "Kết nạp đoàn viên, thành lập công đoàn cơ sở tại {x}",
            "lead": "LĐLĐ tỉnh trao quyết định thành lập công đoàn cơ sở và kết nạp 126 đoàn "
            "viên mới tại {x}, tăng số đoàn viên khu vực ngoài nhà nước trong tỉnh.",
            "body": [
                "Trước đó, cán bộ Ban Tổ chức - Kiểm tra đã nhiều lần đến doanh nghiệp tuyên "
                "truyền về vai trò của tổ chức Công đoàn, quyền và lợi ích của người lao động "
                "khi gia nhập Công đoàn Việt Nam.",
                "Tại buổi lễ, Ban Chấp hành lâm thời gồm 5 đồng chí ra mắt, hứa là cầu nối giữa "
                "người lao động với người sử dụng lao động, chăm lo đời sống và bảo vệ quyền lợi "
                "hợp pháp của đoàn viên.",
            ],
            "tags": ["Phát triển đoàn viên"],
            "kind": "tin",
            "featured": True,
            "photo": "Trao quyết định",
            "caption": "Trao quyết định thành lập công đoàn cơ sở tại {x}.",
            "at": [
                ("Công ty TNHH May mặc Phố Mới", 6, 10),
                ("Công ty TNHH Du lịch Hoàng Liên Sa Pa", 9, 16),
            ],
        },
        {
            "title": "Kiểm tra việc thu, chi tài chính công đoàn tại {x}",
            "lead": "Ủy ban Kiểm tra LĐLĐ tỉnh kiểm tra việc thu, nộp kinh phí, đoàn phí công "
            "đoàn và quản lý tài chính, tài sản công đoàn tại {x}.",
            "body": [
                "Đoàn kiểm tra đã làm việc với Ban Thường vụ, Ủy ban Kiểm tra công đoàn cấp dưới, "
                "xem xét sổ sách kế toán, chứng từ thu, chi và việc thực hiện dự toán năm.",
                "Các khoản thu, chi cơ bản đúng quy định; đoàn kiểm tra đề nghị đơn vị đôn đốc "
                "thu kinh phí công đoàn tại một số doanh nghiệp còn chậm đóng và hoàn thiện hồ sơ "
                "quyết toán.",
            ],
            "tags": ["Kiểm tra", "Tài chính công đoàn"],
            "kind": "tin",
            "photo": "Kiểm tra, giám sát",
            "caption": "Đoàn kiểm tra làm việc tại {x}.",
            "at": [("LĐLĐ huyện Bát Xát", 9, 24), ("Công đoàn ngành Y tế", 8, 19)],
        },
        {
            "title": "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở {x}",
            "lead": "Hơn 120 chủ tịch, phó chủ tịch và ủy viên ban chấp hành công đoàn cơ sở {x} "
            "được bồi dưỡng kỹ năng, nghiệp vụ công tác công đoàn.",
            "body": [
                "Học viên được giới thiệu những điểm mới của Luật Công đoàn năm 2024, Điều lệ "
                "Công đoàn Việt Nam và hướng dẫn thi hành; nghiệp vụ tổ chức, kiểm tra và quản "
                "lý đoàn viên trên phần mềm.",
                "Lớp tập huấn dành nhiều thời gian trao đổi, giải đáp vướng mắc của cơ sở về thủ "
                "tục kết nạp, chuyển sinh hoạt đoàn viên và công tác tài chính.",
            ],
            "tags": ["Tập huấn", "Cán bộ công đoàn"],
            "kind": "tin",
            "photo": "Tập huấn",
            "caption": "Cán bộ công đoàn cơ sở {x} dự lớp tập huấn.",
            "at": [("thị xã Sa Pa", 3, 12), ("huyện Bảo Thắng", 7, 8)],
        },
        {
            "title": "Hội nghị Ban Chấp hành LĐLĐ tỉnh {x}",
            "lead": "Ban Chấp hành LĐLĐ tỉnh Lào Cai họp hội nghị {x}, đánh giá kết quả thực hiện "
            "nghị quyết và bàn nhiệm vụ trọng tâm thời gian tới.",
            "body": [
                "Hội nghị đánh giá công tác tổ chức, phát triển đoàn viên, chăm lo đời sống và "
                "bảo vệ quyền lợi người lao động đều đạt và vượt chỉ tiêu; công tác kiểm tra, "
                "giám sát được duy trì thường xuyên.",
                "Hội nghị cũng cho ý kiến về công tác cán bộ và quyết định một số nội dung thuộc "
                "thẩm quyền của Ban Chấp hành.",
            ],
            "tags": ["Ban Chấp hành", "Tổ chức"],
            "kind": "tin",
            "featured": True,
            "photo": "Hội nghị",
            "caption": "Đồng chí Chủ tịch LĐLĐ tỉnh phát biểu tại hội nghị.",
            "at": [
                ("sơ kết công tác 6 tháng đầu năm", 7, 15),
                ("tổng kết công tác năm", 12, 18),
            ],
        },
        {
            "title": "Giám sát việc thực hiện Điều lệ Công đoàn tại {x}",
            "lead": "Thực hiện chương trình công tác năm, Ủy ban Kiểm tra LĐLĐ tỉnh giám sát "
            "việc chấp hành Điều lệ Công đoàn Việt Nam tại {x}.",
            "body": [
                "Nội dung giám sát tập trung vào sinh hoạt công đoàn, quản lý đoàn viên, quy chế "
                "phối hợp với chuyên môn và giải quyết đơn thư của đoàn viên, người lao động.",
                "Ủy ban Kiểm tra ghi nhận kết quả đơn vị đạt được và đề nghị khắc phục một số tồn "
                "tại trong lưu trữ hồ sơ, biên bản sinh hoạt.",
            ],
            "tags": ["Kiểm tra", "Giám sát"],
            "kind": "tin",
            "photo": "Kiểm tra, giám sát",
            "caption": "Đoàn giám sát làm việc tại {x}.",
            "at": [("LĐLĐ huyện Bảo Thắng", 5, 22), ("Công đoàn ngành Giáo dục", 10, 14)],
        },
        {
            "title": "Nâng cao chất lượng hoạt động công đoàn cơ sở {x}",
            "lead": "Đổi mới nội dung, phương thức hoạt động, lấy đoàn viên làm trung tâm đang "
            "giúp nhiều công đoàn cơ sở {x} trở thành chỗ dựa tin cậy của người lao động.",
            "body": [
                "Số doanh nghiệp ngoài nhà nước trên địa bàn tỉnh tăng nhanh, kéo theo yêu cầu "
                "mới với tổ chức Công đoàn. Nhiều công đoàn cơ sở đã chủ động nắm bắt tâm tư, "
                "nguyện vọng của người lao động qua sinh hoạt tổ, nhóm Zalo và hòm thư góp ý.",
                "Các công đoàn cơ sở đã phối hợp với người sử dụng lao động nâng chất lượng bữa "
                "ăn ca, hỗ trợ tiền nhà trọ, đưa đón công nhân về quê dịp Tết, giúp người lao "
                "động gắn bó lâu dài với doanh nghiệp.",
                "Theo Ban Tổ chức - Kiểm tra LĐLĐ tỉnh, thời gian tới sẽ tiếp tục kiện toàn đội "
                "ngũ cán bộ công đoàn cơ sở, chú trọng bồi dưỡng kỹ năng thương lượng, đối thoại.",
            ],
            "tags": ["Công đoàn cơ sở", "Tổ chức"],
            "kind": "bai",
            "photo": "Hội nghị",
            "caption": "Sinh hoạt công đoàn tổ sản xuất.",
            "at": [("khu vực ngoài nhà nước", 11, 3), ("tại các khu công nghiệp", 2, 26)],
        },
    ],
    "tuyen-giao-nu-cong": [
        {
            "title": "Phát động Tháng Công nhân tại {x}",
            "lead": "Hưởng ứng Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động, "
            "công đoàn {x} tổ chức lễ phát động với nhiều hoạt động chăm lo thiết thực.",
            "body": [
                "Chương trình tập trung vào chăm lo việc làm, thu nhập, nhà ở và đời sống tinh "
                "thần của công nhân lao động. Lễ phát động thu hút hơn 500 công nhân tham dự.",
                "Dịp này, ban tổ chức trao 50 suất quà cho đoàn viên có hoàn cảnh khó khăn, mỗi "
                "suất trị giá 1 triệu đồng, và tổ chức khám sức khỏe miễn phí cho công nhân.",
            ],
            "tags": ["Tháng Công nhân", "An toàn vệ sinh lao động"],
            "kind": "tin",
            "featured": True,
            "photo": "Tháng Công nhân",
            "caption": "Lễ phát động Tháng Công nhân tại {x}.",
            "at": [("Khu công nghiệp Tằng Loỏng", 5, 2), ("thành phố Lào Cai", 5, 5)],
        },
        {
            "title": "“Tết Sum vầy” mang Xuân ấm đến người lao động {x}",
            "lead": "Chương trình “Tết Sum vầy” năm nay trao hàng trăm suất quà, vé xe và tổ chức "
            "chợ Tết Công đoàn cho đoàn viên, người lao động {x}.",
            "body": [
                "Tại chợ Tết Công đoàn, mỗi đoàn viên được tặng phiếu mua hàng trị giá 500.000 "
                "đồng để mua hàng thiết yếu với giá ưu đãi; nhiều gian hàng giảm giá từ 10 đến "
                "50%.",
                "Ban tổ chức trao 30 vé xe cho công nhân có hoàn cảnh khó khăn về quê đón Tết và "
                "thăm hỏi các gia đình đoàn viên bị tai nạn lao động.",
            ],
            "tags": ["Tết Sum vầy", "Chăm lo đoàn viên"],
            "kind": "tin",
            "featured": True,
            "photo": "Tết Sum vầy",
            "caption": "Đoàn viên mua sắm tại chợ Tết Công đoàn {x}.",
            "at": [("Khu công nghiệp Đông Phố Mới", 1, 18), ("huyện Bát Xát", 1, 22)],
        },
        {
            "title": "Tọa đàm kỷ niệm Ngày Phụ nữ Việt Nam 20/10 tại {x}",
            "lead": "Nhân kỷ niệm Ngày Phụ nữ Việt Nam, Ban Nữ công Công đoàn {x} tổ chức tọa đàm "
            "“Nữ công nhân với gia đình hạnh phúc, bình đẳng”.",
            "body": [
                "Các nữ đoàn viên chia sẻ kinh nghiệm cân bằng công việc và gia đình, chăm sóc "
                "sức khỏe sinh sản và nuôi dạy con cái.",
                "Dịp này, công đoàn biểu dương 15 nữ đoàn viên tiêu biểu trong phong trào thi đua "
                "“Giỏi việc nước, đảm việc nhà”.",
            ],
            "tags": ["Nữ công", "20/10"],
            "kind": "tin",
            "photo": "Nữ công",
            "caption": "Nữ đoàn viên {x} tại buổi tọa đàm.",
            "at": [
                ("Công ty Cổ phần Khoáng sản Sơn Hà", 10, 19),
                ("Bệnh viện Đa khoa tỉnh", 10, 20),
            ],
        },
        {
            "title": "Bàn giao “Mái ấm Công đoàn” cho đoàn viên {x}",
            "lead": "LĐLĐ tỉnh bàn giao “Mái ấm Công đoàn” cho đoàn viên có hoàn cảnh đặc biệt "
            "khó khăn về nhà ở {x}, với kinh phí hỗ trợ 50 triệu đồng.",
            "body": [
                "Ngôi nhà được xây kiên cố, rộng 60 m², tổng kinh phí gần 200 triệu đồng, trong "
                "đó Quỹ Xã hội LĐLĐ tỉnh hỗ trợ 50 triệu đồng, số còn lại do gia đình, công đoàn "
                "cơ sở và đồng nghiệp chung tay góp sức.",
                "Xúc động nhận ngôi nhà mới, đoàn viên cảm ơn tổ chức Công đoàn và hứa tiếp tục "
                "cố gắng trong lao động, sản xuất.",
            ],
            "tags": ["Mái ấm Công đoàn", "Chăm lo đoàn viên"],
            "kind": "tin",
            "photo": "Mái ấm Công đoàn",
            "caption": "Trao biển “Mái ấm Công đoàn” cho gia đình đoàn viên {x}.",
            "at": [("huyện Bảo Thắng", 8, 14), ("thị xã Sa Pa", 11, 8)],
        },
        {
            "title": "Kỷ niệm Ngày thành lập Công đoàn Việt Nam tại {x}",
            "lead": "Nhân kỷ niệm Ngày thành lập Công đoàn Việt Nam (28/7/1929), {x} tổ chức nhiều "
            "hoạt động thiết thực cho đoàn viên, người lao động.",
            "body": [
                "Chương trình gồm mít tinh, văn nghệ, thi tìm hiểu lịch sử Công đoàn Việt Nam và "
                "Công đoàn tỉnh Lào Cai, thu hút hàng trăm đoàn viên tham gia.",
                "Các đại biểu ôn lại truyền thống của giai cấp công nhân và tổ chức Công đoàn Việt "
                "Nam, khẳng định vai trò đại diện, chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính "
                "đáng của đoàn viên và người lao động.",
            ],
            "tags": ["28/7", "Tuyên truyền"],
            "kind": "tin",
            "photo": "Văn nghệ",
            "caption": "Tiết mục văn nghệ chào mừng Ngày thành lập Công đoàn Việt Nam.",
            "at": [("LĐLĐ huyện Bát Xát", 7, 26), ("Công đoàn ngành Giáo dục", 7, 28)],
        },
        {
            "title": "Sôi nổi Hội thao công nhân, viên chức, lao động {x}",
            "lead": "Hội thao công nhân, viên chức, lao động {x} thu hút hơn 400 vận động viên "
            "tranh tài ở các môn bóng đá, bóng chuyền, kéo co và cầu lông.",
            "body": [
                "Hội thao nhằm nâng cao đời sống văn hóa, tinh thần cho đoàn viên, người lao động, "
                "tăng cường giao lưu, đoàn kết giữa các đơn vị.",
                "Kết thúc hội thao, ban tổ chức trao 20 giải cho các tập thể và cá nhân có thành "
                "tích cao.",
            ],
            "tags": ["Văn hóa thể thao"],
            "kind": "tin",
            "photo": "Thể thao",
            "caption": "Trận chung kết môn bóng chuyền hơi nữ.",
            "at": [("thành phố Lào Cai", 9, 8), ("huyện Bảo Thắng", 4, 20)],
        },
        {
            "title": "Nữ đoàn viên {x} thi đua “Giỏi việc nước, đảm việc nhà”",
            "lead": "Được tổ chức Công đoàn động viên, hỗ trợ kịp thời, nhiều nữ đoàn viên {x} "
            "vượt khó vươn lên, vừa giỏi chuyên môn, vừa chăm lo tốt cho gia đình.",
            "body": [
                "Chị Lò Thị Hoa là một trong những gương mặt tiêu biểu. Dù chồng ốm đau thường "
                "xuyên, chị vẫn hoàn thành xuất sắc nhiệm vụ nhiều năm liền.",
                "Ban Nữ công đã phối hợp với chuyên môn bố trí ca làm việc phù hợp cho lao động nữ "
                "nuôi con nhỏ, xây phòng vắt, trữ sữa và khám sức khỏe định kỳ cho lao động nữ.",
                "Phong trào đã trở thành động lực giúp nữ công nhân, viên chức, lao động khẳng "
                "định vai trò của mình trong gia đình và xã hội.",
            ],
            "tags": ["Nữ công", "Gương điển hình"],
            "kind": "bai",
            "photo": "Nữ công",
            "caption": "Chị Lò Thị Hoa (giữa) trong giờ làm việc.",
            "at": [("Khu công nghiệp Tằng Loỏng", 3, 6), ("ngành Y tế", 6, 20)],
        },
    ],
    "chinh-sach-phap-luat": [
        {
            "title": "Đối thoại định kỳ tại nơi làm việc ở {x}",
            "lead": "Công đoàn cơ sở phối hợp với người sử dụng lao động {x} tổ chức đối thoại "
            "định kỳ, giải đáp nhiều kiến nghị về tiền lương, ca làm việc và bữa ăn ca.",
            "body": [
                "Người lao động nêu 12 ý kiến, tập trung vào điều chỉnh đơn giá tiền lương, bố trí "
                "ca đêm, chất lượng bữa ăn ca và thanh toán tiền làm thêm giờ.",
                "Đại diện người sử dụng lao động trả lời trực tiếp các ý kiến, cam kết nâng bữa ăn "
                "ca lên 30.000 đồng/suất và điều chỉnh đơn giá tiền lương từ quý tới.",
            ],
            "tags": ["Đối thoại tại nơi làm việc", "Quan hệ lao động"],
            "kind": "tin",
            "featured": True,
            "photo": "Đối thoại",
            "caption": "Người lao động nêu kiến nghị tại buổi đối thoại ở {x}.",
            "at": [
                ("Công ty TNHH May mặc Phố Mới", 4, 10),
                ("Công ty Cổ phần Phân bón Hoàng Liên", 10, 2),
            ],
        },
        {
            "title": "Ký kết thỏa ước lao động tập thể {x}",
            "lead": "Sau nhiều vòng thương lượng, thỏa ước lao động tập thể {x} đã được ký kết với "
            "nhiều nội dung có lợi hơn cho người lao động so với quy định của pháp luật.",
            "body": [
                "Thỏa ước quy định mức lương thấp nhất cao hơn lương tối thiểu vùng 10%, hỗ trợ "
                "tiền nhà trọ, tiền đi lại, quà sinh nhật và quà cho con đoàn viên ngày 1/6.",
                "Đây là kết quả thương lượng kiên trì của công đoàn, với sự hỗ trợ của Ban Chính "
                "sách - Pháp luật & Quan hệ Lao động LĐLĐ tỉnh.",
            ],
            "tags": ["Thỏa ước lao động tập thể", "Thương lượng tập thể"],
            "kind": "tin",
            "photo": "Thỏa ước lao động tập thể",
            "caption": "Lễ ký kết thỏa ước lao động tập thể.",
            "at": [
                ("nhóm doanh nghiệp du lịch thị xã Sa Pa", 8, 6),
                ("tại Công ty Cổ phần Khoáng sản Sơn Hà", 6, 3),
            ],
        },
        {
            "title": "Hưởng ứng Tháng hành động về an toàn, vệ sinh lao động tại {x}",
            "lead": "Công đoàn phối hợp với chuyên môn {x} tổ chức huấn luyện, diễn tập phòng cháy "
            "chữa cháy và kiểm tra an toàn, vệ sinh lao động tại các phân xưởng.",
            "body": [
                "Hơn 300 công nhân được huấn luyện nhận diện nguy cơ, sử dụng phương tiện bảo vệ "
                "cá nhân và sơ cấp cứu khi xảy ra tai nạn lao động.",
                "Đoàn kiểm tra yêu cầu khắc phục ngay một số nguy cơ mất an toàn về điện, che chắn "
                "máy móc; biểu dương mạng lưới an toàn, vệ sinh viên hoạt động hiệu quả.",
            ],
            "tags": ["An toàn vệ sinh lao động", "Tháng Công nhân"],
            "kind": "tin",
            "photo": "An toàn lao động",
            "caption": "Diễn tập phòng cháy chữa cháy tại {x}.",
            "at": [
                ("Khu công nghiệp Tằng Loỏng", 5, 14),
                ("Công ty Cổ phần Phân bón Hoàng Liên", 5, 20),
            ],
        },
        {
            "title": "Tư vấn pháp luật lao động miễn phí cho công nhân {x}",
            "lead": "Văn phòng tư vấn pháp luật LĐLĐ tỉnh tổ chức tư vấn pháp luật miễn phí, giải "
            "đáp hàng chục câu hỏi của công nhân {x}.",
            "body": [
                "Các câu hỏi tập trung vào hợp đồng lao động, tiền lương làm thêm giờ, chế độ thai "
                "sản, bảo hiểm thất nghiệp và rút bảo hiểm xã hội một lần.",
                "Luật sư, chuyên viên tư vấn giải đáp trực tiếp, hướng dẫn thủ tục cần thiết và "
                "phát tài liệu tuyên truyền Bộ luật Lao động.",
            ],
            "tags": ["Tư vấn pháp luật", "Pháp luật lao động"],
            "kind": "tin",
            "photo": "Tư vấn pháp luật",
            "caption": "Luật sư tư vấn cho công nhân {x}.",
            "at": [("Khu công nghiệp Đông Phố Mới", 3, 18), ("huyện Văn Bàn", 11, 12)],
        },
        {
            "title": "Giám sát việc đóng bảo hiểm xã hội tại {x}",
            "lead": "Ban Chính sách - Pháp luật & Quan hệ Lao động phối hợp với Bảo hiểm xã hội "
            "tỉnh giám sát việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp tại {x}.",
            "body": [
                "Một số doanh nghiệp còn nợ đóng bảo hiểm xã hội từ 3 tháng trở lên do khó khăn "
                "sản xuất, kinh doanh, ảnh hưởng trực tiếp đến quyền lợi của người lao động.",
                "Đoàn giám sát đề nghị doanh nghiệp có lộ trình trả nợ cụ thể, thông báo công khai "
                "tình hình đóng bảo hiểm; công đoàn sẵn sàng khởi kiện nếu doanh nghiệp cố tình "
                "vi phạm.",
            ],
            "tags": ["Bảo hiểm xã hội", "Giám sát"],
            "kind": "tin",
            "photo": "Kiểm tra, giám sát",
            "caption": "Đoàn giám sát làm việc tại {x}.",
            "at": [
                ("các doanh nghiệp thành phố Lào Cai", 10, 9),
                ("các doanh nghiệp huyện Bát Xát", 2, 24),
            ],
        },
        {
            "title": "Hội nghị người lao động {x}",
            "lead": "Hội nghị người lao động {x} thông qua nội quy lao động, quy chế dân chủ và "
            "các biện pháp nâng cao năng suất, thu nhập cho người lao động.",
            "body": [
                "Trước hội nghị, công đoàn cơ sở đã lấy ý kiến người lao động ở các tổ sản xuất, "
                "tổng hợp 18 kiến nghị gửi người sử dụng lao động.",
                "Hội nghị bầu đại diện tập thể người lao động tham gia đối thoại định kỳ và phát "
                "động thi đua hoàn thành kế hoạch sản xuất năm.",
            ],
            "tags": ["Quy chế dân chủ", "Quan hệ lao động"],
            "kind": "tin",
            "photo": "Hội nghị",
            "caption": "Biểu quyết thông qua nghị quyết hội nghị.",
            "at": [
                ("Công ty TNHH Du lịch Hoàng Liên Sa Pa", 1, 10),
                ("Công ty Cổ phần Chè Bát Xát", 2, 12),
            ],
        },
        {
            "title": "Công đoàn đồng hành giải quyết tranh chấp lao động {x}",
            "lead": "Kịp thời có mặt, lắng nghe và đối thoại, cán bộ công đoàn đã góp phần giải "
            "quyết ổn thỏa nhiều vụ việc {x}, không để xảy ra ngừng việc tập thể.",
            "body": [
                "Nhận phản ánh về việc doanh nghiệp chậm trả lương, Ban Chính sách - Pháp luật & "
                "Quan hệ Lao động đã cùng LĐLĐ cấp huyện và cơ quan quản lý lao động xuống doanh "
                "nghiệp nắm tình hình.",
                "Nhờ đối thoại kịp thời, doanh nghiệp cam kết trả đủ tiền lương còn nợ cho hơn 200 "
                "công nhân trong 10 ngày; người lao động yên tâm trở lại làm việc.",
                "Thời gian tới, Ban sẽ tăng cường nắm tình hình quan hệ lao động tại doanh nghiệp, "
                "kịp thời tham mưu xử lý, không để phát sinh điểm nóng.",
            ],
            "tags": ["Tranh chấp lao động", "Quan hệ lao động"],
            "kind": "bai",
            "photo": "Đối thoại",
            "caption": "Cán bộ công đoàn trao đổi với người lao động.",
            "at": [("tại khu công nghiệp", 9, 2), ("ở doanh nghiệp ngoài nhà nước", 12, 10)],
        },
    ],
    "van-phong": [
        {
            "title": "Giao ban công tác công đoàn {x}",
            "lead": "Thường trực LĐLĐ tỉnh chủ trì hội nghị giao ban {x} với LĐLĐ các huyện, thị "
            "xã, thành phố và Công đoàn ngành, thống nhất nhiệm vụ trọng tâm thời gian tới.",
            "body": [
                "Các đơn vị báo cáo kết quả phát triển đoàn viên, chăm lo cho người lao động, tổ "
                "chức đại hội công đoàn cơ sở và những vướng mắc ở cơ sở.",
                "Kết luận hội nghị, đồng chí Chủ tịch LĐLĐ tỉnh đề nghị các đơn vị bám sát nghị "
                "quyết, chủ động tham mưu cấp ủy và nâng cao chất lượng tin, bài gửi Cổng thông "
                "tin điện tử.",
            ],
            "tags": ["Giao ban", "Văn phòng"],
            "kind": "tin",
            "photo": "Hội nghị",
            "caption": "Quang cảnh hội nghị giao ban {x}.",
            "at": [("quý I", 3, 30), ("quý III", 9, 29)],
        },
        {
            "title": "Tập huấn viết tin, bài và sử dụng Cổng thông tin điện tử {x}",
            "lead": "Văn phòng LĐLĐ tỉnh tập huấn kỹ năng viết tin, bài, chụp ảnh và quy trình "
            "gửi, duyệt, đăng tải trên Cổng thông tin điện tử {x}.",
            "body": [
                "Học viên được hướng dẫn viết tin ngắn, bài phản ánh, chú thích ảnh và các quy "
                "định của Quy chế làm việc của Ban Biên tập về thời hạn đăng tải, nhuận bút.",
                "Mỗi tin, bài gửi Cổng phải kèm ít nhất một ảnh hoạt động có chú thích; thư ký Ban "
                "Biên tập tiếp nhận, phân loại và chuyển thành viên phụ trách lĩnh vực duyệt.",
            ],
            "tags": ["Cổng thông tin điện tử", "Tập huấn"],
            "kind": "tin",
            "photo": "Tập huấn",
            "caption": "Học viên thực hành đăng tin trên Cổng thông tin.",
            "at": [
                ("cho cán bộ các ban LĐLĐ tỉnh", 2, 27),
                ("cho LĐLĐ các huyện, thị xã, thành phố", 6, 6),
            ],
        },
        {
            "title": "Lãnh đạo LĐLĐ tỉnh thăm, chúc Tết công nhân lao động {x}",
            "lead": "Đoàn công tác LĐLĐ tỉnh do đồng chí Chủ tịch LĐLĐ tỉnh dẫn đầu đã thăm, chúc "
            "Tết và tặng quà công nhân lao động {x}.",
            "body": [
                "Đoàn thăm hỏi, động viên công nhân trực sản xuất dịp Tết và trao 100 suất quà "
                "cho đoàn viên có hoàn cảnh khó khăn.",
                "Đồng chí Chủ tịch LĐLĐ tỉnh đề nghị doanh nghiệp trả đủ tiền lương, thưởng Tết và "
                "bố trí cho người lao động nghỉ Tết theo quy định.",
            ],
            "tags": ["Tết Sum vầy", "Thăm hỏi"],
            "kind": "tin",
            "photo": "Tết Sum vầy",
            "caption": "Lãnh đạo LĐLĐ tỉnh tặng quà công nhân {x}.",
            "at": [("tại Khu công nghiệp Tằng Loỏng", 1, 26), ("tại huyện Bát Xát", 1, 29)],
        },
        {
            "title": "Đoàn công tác Tổng Liên đoàn làm việc với LĐLĐ tỉnh {x}",
            "lead": "Đoàn công tác Tổng Liên đoàn Lao động Việt Nam làm việc với LĐLĐ tỉnh Lào Cai "
            "{x}.",
            "body": [
                "Báo cáo với đoàn, đồng chí Chủ tịch LĐLĐ tỉnh cho biết toàn tỉnh có hơn 800 công "
                "đoàn cơ sở với trên 60.000 đoàn viên; công tác chăm lo, bảo vệ người lao động "
                "đạt nhiều kết quả.",
                "Đoàn công tác đánh giá cao kết quả LĐLĐ tỉnh đạt được, đề nghị tiếp tục đổi mới "
                "nội dung, phương thức hoạt động, tập trung phát triển đoàn viên ngoài nhà nước.",
            ],
            "tags": ["Tổng Liên đoàn", "Văn phòng"],
            "kind": "tin",
            "featured": True,
            "photo": "Hội nghị",
            "caption": "Buổi làm việc của đoàn công tác Tổng Liên đoàn.",
            "at": [
                ("về công tác chăm lo, bảo vệ người lao động", 4, 24),
                ("về thực hiện nghị quyết Đại hội Công đoàn các cấp", 10, 28),
            ],
        },
        {
            "title": "Đoàn viên công đoàn cơ quan LĐLĐ tỉnh {x}",
            "lead": "Hưởng ứng phong trào thi đua của cơ quan, cán bộ, đoàn viên công đoàn cơ quan "
            "LĐLĐ tỉnh {x}.",
            "body": [
                "Hoạt động thu hút đông đảo cán bộ, công chức, người lao động cơ quan tham gia, "
                "thể hiện tinh thần trách nhiệm với cộng đồng.",
                "Công đoàn cơ quan sẽ duy trì các hoạt động thiện nguyện, gắn với phong trào xây "
                "dựng cơ quan văn hóa, văn minh.",
            ],
            "tags": ["Công đoàn cơ quan", "Thiện nguyện"],
            "kind": "tin",
            "photo": "Văn nghệ",
            "caption": "Đoàn viên công đoàn cơ quan LĐLĐ tỉnh {x}.",
            "at": [
                ("hiến máu tình nguyện", 2, 20),
                ("ra quân trồng cây, vệ sinh môi trường", 3, 3),
            ],
        },
        {
            "title": "Đẩy mạnh chuyển đổi số {x}",
            "lead": "Văn phòng LĐLĐ tỉnh triển khai nhiều giải pháp đẩy mạnh chuyển đổi số {x}, "
            "hướng tới xây dựng cơ quan điện tử.",
            "body": [
                "Văn bản đi, đến được xử lý trên môi trường mạng, trừ văn bản mật; lịch công tác "
                "tuần của lãnh đạo được đăng trên Cổng thông tin để các đơn vị chủ động theo dõi.",
                "Quản lý đoàn viên trên phần mềm giúp công đoàn các cấp nắm chắc số lượng, biến "
                "động đoàn viên, giảm thời gian tổng hợp báo cáo.",
            ],
            "tags": ["Chuyển đổi số", "Văn phòng"],
            "kind": "tin",
            "photo": "Tập huấn",
            "caption": "Cán bộ Văn phòng hướng dẫn sử dụng phần mềm quản lý đoàn viên.",
            "at": [
                ("trong hoạt động cơ quan LĐLĐ tỉnh", 8, 22),
                ("trong quản lý đoàn viên", 11, 18),
            ],
        },
        {
            "title": "Cổng thông tin điện tử LĐLĐ tỉnh: kênh kết nối {x}",
            "lead": "Sau nhiều năm hoạt động, Cổng thông tin điện tử LĐLĐ tỉnh Lào Cai đã trở "
            "thành kênh thông tin chính thống, kết nối {x}.",
            "body": [
                "Mỗi tháng, Cổng đăng hàng chục tin, bài về hoạt động công đoàn, văn bản chỉ đạo, "
                "lịch công tác tuần và giải đáp pháp luật. Nhiều tin, bài được Cổng TTĐT Công đoàn "
                "Việt Nam và Báo Lao Động sử dụng lại.",
                "Ban Biên tập làm việc theo quy chế: thư ký tiếp nhận, phân loại tin, bài; thành "
                "viên Ban Biên tập phụ trách lĩnh vực duyệt; quản trị mạng đăng tải chậm nhất sau "
                "nửa ngày làm việc.",
                "Thời gian tới, Cổng sẽ tăng tin, bài của LĐLĐ cấp huyện, Công đoàn ngành và tài "
                "liệu tuyên truyền pháp luật cho người lao động.",
            ],
            "tags": ["Cổng thông tin điện tử"],
            "kind": "bai",
            "photo": "Tập huấn",
            "caption": "Ban Biên tập họp triển khai nhiệm vụ.",
            "at": [("đoàn viên, người lao động", 7, 4), ("các cấp công đoàn trong tỉnh", 12, 2)],
        },
    ],
}
CLOSINGS = [
    "Tham dự có đại diện lãnh đạo Liên đoàn Lao động tỉnh, cấp ủy, chính quyền địa phương và "
    "đông đảo đoàn viên, người lao động.",
    "Hoạt động góp phần xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ tại doanh nghiệp, "
    "khẳng định vai trò của tổ chức Công đoàn.",
    "Thông qua hoạt động, người lao động hiểu rõ hơn quyền và nghĩa vụ của mình, thêm gắn bó "
    "với tổ chức Công đoàn.",
    "LĐLĐ tỉnh đề nghị các cấp công đoàn nhân rộng cách làm hay, phấn đấu hoàn thành các chỉ "
    "tiêu nghị quyết đại hội.",
]
QUOTES = [
    (
        "Được công đoàn quan tâm, chúng tôi yên tâm gắn bó lâu dài với doanh nghiệp.",
        "Một công nhân",
    ),
    ("Công đoàn thực sự là chỗ dựa tin cậy của người lao động.", "Chủ tịch công đoàn cơ sở"),
    (
        "Đối thoại thẳng thắn giúp doanh nghiệp và người lao động hiểu nhau hơn.",
        "Đại diện doanh nghiệp",
    ),
]

# --- district and sector sub-sites -----------------------------------------------------------

# Unit code -> (introduction paragraphs, news: title, lead, paragraph, tag, photo theme, m, d)
SUBSITES = {
    "tp-lao-cai": (
        [
            "LĐLĐ thành phố Lào Cai có 156 công đoàn cơ sở với hơn 11.000 đoàn viên, gần một nửa "
            "làm việc tại các doanh nghiệp ngoài nhà nước và Khu công nghiệp Đông Phố Mới.",
            "Trụ sở: đường Hoàng Liên, phường Cốc Lếu. Chủ tịch: đồng chí Nguyễn Thị Thu Trang.",
        ],
        [
            (
                "LĐLĐ thành phố Lào Cai trao 200 suất quà Tết cho công nhân khu công nghiệp",
                "LĐLĐ thành phố Lào Cai trao 200 suất quà, mỗi suất 1 triệu đồng, cho công nhân có "
                "hoàn cảnh khó khăn tại Khu công nghiệp Đông Phố Mới.",
                "Kinh phí do công đoàn các cấp và các nhà hảo tâm đóng góp; nhiều doanh nghiệp "
                "cũng thưởng Tết cao hơn năm trước.",
                "Tết Sum vầy",
                "Tết Sum vầy",
                1,
                15,
            ),
            (
                "Ra mắt Tổ tư vấn pháp luật tại khu nhà trọ công nhân",
                "LĐLĐ thành phố Lào Cai ra mắt Tổ tư vấn pháp luật tại khu nhà trọ công nhân "
                "phường Bắc Lệnh, sinh hoạt vào tối thứ Năm hằng tuần.",
                "Tổ gồm cán bộ công đoàn, luật sư cộng tác viên và công an khu vực, giải đáp thắc "
                "mắc về hợp đồng, tiền lương, bảo hiểm xã hội.",
                "Tư vấn pháp luật",
                "Tư vấn pháp luật",
                6,
                12,
            ),
            (
                "Hội thi An toàn, vệ sinh viên giỏi thành phố Lào Cai",
                "Hội thi An toàn, vệ sinh viên giỏi thu hút 24 đội đến từ các doanh nghiệp trên "
                "địa bàn thành phố.",
                "Các đội thi kiến thức pháp luật, xử lý tình huống và thực hành sơ cấp cứu "
                "người bị tai nạn lao động.",
                "An toàn vệ sinh lao động",
                "An toàn lao động",
                5,
                25,
            ),
        ],
    ),
    "sa-pa": (
        [
            "LĐLĐ thị xã Sa Pa (trước năm 2020 là LĐLĐ huyện Sa Pa) có 98 công đoàn cơ sở với "
            "hơn 4.500 đoàn viên, phần lớn làm việc trong du lịch, dịch vụ, giáo dục và y tế.",
            "Trụ sở: phường Sa Pa. Chủ tịch: đồng chí Vàng Thị Mai.",
        ],
        [
            (
                "Tập huấn an toàn lao động cho người lao động ngành du lịch Sa Pa",
                "Trước mùa cao điểm, LĐLĐ thị xã Sa Pa tập huấn an toàn lao động cho hơn 150 nhân "
                "viên khách sạn, nhà hàng, hướng dẫn viên.",
                "Nội dung gồm phòng cháy chữa cháy, an toàn khi dẫn khách leo núi và sơ cứu khi "
                "gặp tai nạn.",
                "An toàn vệ sinh lao động",
                "An toàn lao động",
                4,
                2,
            ),
            (
                "Trao “Mái ấm Công đoàn” cho nữ đoàn viên ở xã Tả Van",
                "LĐLĐ thị xã Sa Pa bàn giao “Mái ấm Công đoàn” cho một nữ đoàn viên là giáo viên "
                "mầm non, người dân tộc Mông, ở xã Tả Van.",
                "Ngôi nhà trị giá 150 triệu đồng, trong đó công đoàn hỗ trợ 50 triệu đồng và các "
                "đồng nghiệp góp ngày công xây dựng.",
                "Mái ấm Công đoàn",
                "Mái ấm Công đoàn",
                9,
                20,
            ),
            (
                "Đại hội Công đoàn cơ sở Công ty TNHH Du lịch Hoàng Liên Sa Pa",
                "Đại hội bầu Ban Chấp hành gồm 5 đồng chí, đề ra chỉ tiêu 100% người lao động được "
                "ký hợp đồng và đóng bảo hiểm xã hội.",
                "Nhiệm kỳ qua, công đoàn đã thương lượng thành công chế độ phụ cấp mùa cao điểm "
                "cho nhân viên.",
                "Đại hội công đoàn",
                "Đại hội công đoàn",
                3,
                22,
            ),
        ],
    ),
    "bat-xat": (
        [
            "LĐLĐ huyện Bát Xát có 110 công đoàn cơ sở với hơn 5.000 đoàn viên trong các ngành "
            "giáo dục, y tế, khai khoáng và nông nghiệp.",
            "Trụ sở: thị trấn Bát Xát. Chủ tịch: đồng chí Lò Văn Hải.",
        ],
        [
            (
                "LĐLĐ huyện Bát Xát tổ chức Ngày hội công nhân vùng mỏ",
                "Ngày hội thu hút hơn 600 công nhân các mỏ đồng, mỏ sắt trên địa bàn huyện với "
                "nhiều hoạt động văn hóa, thể thao.",
                "Dịp này, LĐLĐ huyện trao 40 suất quà cho công nhân có hoàn cảnh khó khăn.",
                "Tháng Công nhân",
                "Thể thao",
                5,
                16,
            ),
            (
                "Trao học bổng cho con đoàn viên vượt khó học giỏi",
                "LĐLĐ huyện Bát Xát trao 35 suất học bổng cho con đoàn viên có thành tích học tập "
                "tốt, vượt khó vươn lên.",
                "Mỗi suất học bổng trị giá 1 triệu đồng, kèm sách vở và đồ dùng học tập.",
                "Chăm lo đoàn viên",
                "Trao quyết định",
                8,
                28,
            ),
            (
                "Kiểm tra công tác tài chính tại 10 công đoàn cơ sở",
                "Ủy ban Kiểm tra LĐLĐ huyện Bát Xát kiểm tra công tác tài chính tại 10 công "
                "đoàn cơ sở khối giáo dục và y tế.",
                "Qua kiểm tra, các đơn vị cơ bản thực hiện đúng quy định; một số đơn vị cần hoàn "
                "thiện sổ sách kế toán.",
                "Kiểm tra",
                "Kiểm tra, giám sát",
                11,
                10,
            ),
        ],
    ),
    "gd": (
        [
            "Công đoàn ngành Giáo dục tỉnh Lào Cai tập hợp hơn 15.000 đoàn viên là nhà giáo, cán "
            "bộ quản lý và người lao động trong các cơ sở giáo dục.",
            "Trụ sở: Sở Giáo dục và Đào tạo. Chủ tịch: đồng chí Lương Văn Tâm.",
        ],
        [
            (
                "Tôn vinh nhà giáo tiêu biểu nhân Ngày Nhà giáo Việt Nam 20/11",
                "Công đoàn ngành Giáo dục tuyên dương 50 nhà giáo tiêu biểu, trong đó nhiều "
                "thầy cô công tác tại các điểm trường vùng cao.",
                "Các nhà giáo được tặng bằng khen và phần quà; nhiều câu chuyện cắm bản được chia "
                "sẻ tại buổi lễ.",
                "20/11",
                "Văn nghệ",
                11,
                16,
            ),
            (
                "Trao quà cho giáo viên cắm bản có hoàn cảnh khó khăn",
                "Nhân dịp Tết, Công đoàn ngành Giáo dục trao 120 suất quà cho giáo viên cắm bản có "
                "hoàn cảnh khó khăn tại các huyện vùng cao.",
                "Mỗi suất quà trị giá 1 triệu đồng, từ Quỹ Tấm lòng vàng của ngành.",
                "Tết Sum vầy",
                "Tết Sum vầy",
                1,
                12,
            ),
            (
                "Hội thi tìm hiểu pháp luật lao động cho nhà giáo",
                "Hội thi thu hút 30 đội đến từ các công đoàn cơ sở trường học, tìm hiểu Bộ luật "
                "Lao động, Luật Công đoàn và Luật Nhà giáo.",
                "Ban tổ chức trao giải nhất cho đội Trường THPT số 1 thành phố Lào Cai.",
                "Pháp luật lao động",
                "Tư vấn pháp luật",
                3,
                26,
            ),
        ],
    ),
    "yt": (
        [
            "Công đoàn ngành Y tế tỉnh Lào Cai có 45 công đoàn cơ sở với hơn 5.200 đoàn viên tại "
            "các bệnh viện, trung tâm y tế tuyến tỉnh và huyện.",
            "Trụ sở: Sở Y tế. Chủ tịch: đồng chí Đinh Thị Hương.",
        ],
        [
            (
                "Thăm, tặng quà y, bác sĩ nhân Ngày Thầy thuốc Việt Nam 27/2",
                "Công đoàn ngành Y tế thăm, tặng quà các y, bác sĩ đang trực tại Bệnh viện Đa khoa "
                "tỉnh và các trung tâm y tế huyện vùng cao.",
                "Đoàn ghi nhận sự tận tụy của đội ngũ y tế và đề nghị quan tâm chế độ trực, phụ "
                "cấp cho nhân viên y tế.",
                "27/2",
                "Trao quyết định",
                2,
                26,
            ),
            (
                "Hội thao ngành Y tế chào mừng Ngày thành lập Công đoàn Việt Nam",
                "Hơn 300 vận động viên từ 20 công đoàn cơ sở tranh tài ở các môn bóng chuyền, cầu "
                "lông, kéo co.",
                "Hội thao là dịp giao lưu, tăng cường đoàn kết giữa đoàn viên trong ngành.",
                "Văn hóa thể thao",
                "Thể thao",
                7,
                20,
            ),
            (
                "Đối thoại về chế độ phụ cấp trực cho nhân viên y tế",
                "Công đoàn ngành Y tế phối hợp với Sở Y tế đối thoại với đoàn viên về chế độ phụ "
                "cấp trực, phụ cấp ưu đãi nghề.",
                "Lãnh đạo Sở Y tế giải đáp các kiến nghị và cam kết chi trả đúng, đủ, kịp thời.",
                "Đối thoại tại nơi làm việc",
                "Đối thoại",
                10,
                22,
            ),
        ],
    ),
}

# --- directive documents and downloads -------------------------------------------------------

# number, type, issuer, level, title (trích yếu), summary, field, signer, days ago
DOCUMENTS = [
    (
        "128/QĐ-LĐLĐ",
        "quyet-dinh",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Quy định mức chi nhuận bút, thù lao cho tin, bài, ảnh đăng trên Cổng thông tin điện tử",
        "Quy định mức nhuận bút cho tin, bài, ảnh, video đăng trên Cổng thông tin điện tử LĐLĐ "
        "tỉnh và thù lao hằng tháng cho Ban Biên tập, quản trị mạng, áp dụng từ tháng ký.",
        "Văn phòng",
        CHAIRMAN,
        25,
    ),
    (
        "772/QĐ-LĐLĐ",
        "quy-che",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Ban hành Quy chế tổ chức, quản lý hoạt động Cổng thông tin điện tử LĐLĐ tỉnh Lào Cai",
        "Quy chế quy định các chuyên mục, trách nhiệm cung cấp thông tin của các ban, các cấp công "
        "đoàn và quy trình biên tập, duyệt, đăng tải trên Cổng thông tin điện tử.",
        "Văn phòng",
        CHAIRMAN,
        640,
    ),
    (
        "45/KH-LĐLĐ",
        "ke-hoach",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Kế hoạch tổ chức Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động",
        "Các hoạt động chăm lo cho công nhân lao động, tuyên truyền an toàn, vệ sinh lao động và "
        "phân công nhiệm vụ cho các ban, LĐLĐ huyện, Công đoàn ngành.",
        "Tuyên giáo - Nữ công",
        STANDING_VICE,
        210,
    ),
    (
        "18/HD-LĐLĐ",
        "huong-dan",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Hướng dẫn tổ chức chương trình “Tết Sum vầy” và thăm hỏi đoàn viên dịp Tết",
        "Đối tượng, mức hỗ trợ, nguồn kinh phí và thời gian báo cáo kết quả chăm lo Tết cho đoàn "
        "viên, người lao động.",
        "Tuyên giáo - Nữ công",
        STANDING_VICE,
        330,
    ),
    (
        "231/TB-LĐLĐ",
        "thong-bao",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Thông báo kết luận của Ban Thường vụ tại hội nghị thường kỳ quý III",
        "Kết luận về kết quả công tác quý III, nhiệm vụ quý IV và phân công chuẩn bị tổng kết năm.",
        "Tổ chức",
        CHAIRMAN,
        45,
    ),
    (
        "356/BC-LĐLĐ",
        "bao-cao",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Báo cáo kết quả công tác công đoàn và phong trào công nhân, viên chức, lao động 6 tháng",
        "Số liệu phát triển đoàn viên, chăm lo, bảo vệ người lao động, kiểm tra, giám sát và "
        "phương hướng nhiệm vụ 6 tháng cuối năm.",
        "Tổ chức",
        VICE,
        130,
    ),
    (
        "12/NQ-LĐLĐ",
        "nghi-quyet",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Nghị quyết về nâng cao chất lượng hoạt động công đoàn cơ sở khu vực ngoài nhà nước",
        "Mục tiêu, chỉ tiêu phát triển đoàn viên, thành lập công đoàn cơ sở và các giải pháp nâng "
        "cao chất lượng hoạt động đến hết nhiệm kỳ.",
        "Tổ chức",
        CHAIRMAN,
        520,
    ),
    (
        "03/HD-TLĐ",
        "huong-dan",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Hướng dẫn thi hành Điều lệ Công đoàn Việt Nam",
        "Hướng dẫn chi tiết các điều của Điều lệ Công đoàn Việt Nam về đoàn viên, tổ chức cơ sở, "
        "đại hội, ban chấp hành và tài chính công đoàn.",
        "Tổ chức",
        "Phó Chủ tịch Tổng Liên đoàn",
        600,
    ),
    (
        "09/CT-TLĐ",
        "chi-thi",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Chỉ thị về đẩy mạnh phát triển đoàn viên, thành lập công đoàn cơ sở",
        "Yêu cầu công đoàn các cấp tập trung phát triển đoàn viên ở doanh nghiệp ngoài nhà nước, "
        "đổi mới phương thức tuyên truyền, vận động người lao động.",
        "Tổ chức",
        "Chủ tịch Tổng Liên đoàn",
        400,
    ),
    (
        "1520/TLĐ",
        "cong-van",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Về việc tổ chức các hoạt động kỷ niệm Ngày thành lập Công đoàn Việt Nam",
        "Hướng dẫn nội dung tuyên truyền, hình thức kỷ niệm và khen thưởng nhân Ngày thành lập "
        "Công đoàn Việt Nam 28/7.",
        "Tuyên giáo - Nữ công",
        "Phó Chủ tịch Tổng Liên đoàn",
        120,
    ),
    (
        "25-CT/TU",
        "chi-thi",
        "Tỉnh ủy Lào Cai",
        "tu",
        "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với tổ chức Công đoàn trong tình hình mới",
        "Yêu cầu cấp ủy các cấp lãnh đạo công đoàn đổi mới nội dung, phương thức hoạt động, chăm "
        "lo đời sống công nhân, xây dựng quan hệ lao động hài hòa.",
        "Tổ chức",
        "Phó Bí thư Thường trực Tỉnh ủy",
        460,
    ),
    (
        "112/KH-UBND",
        "ke-hoach",
        "UBND tỉnh Lào Cai",
        "ubnd",
        "Kế hoạch thực hiện công tác an toàn, vệ sinh lao động trên địa bàn tỉnh",
        "Mục tiêu giảm tai nạn lao động nghiêm trọng, nhiệm vụ của các sở, ngành, UBND cấp huyện "
        "và sự phối hợp của LĐLĐ tỉnh.",
        "Chính sách - Pháp luật",
        "Phó Chủ tịch UBND tỉnh",
        250,
    ),
    (
        "3021/UBND-VX",
        "cong-van",
        "UBND tỉnh Lào Cai",
        "ubnd",
        "Về việc chăm lo Tết cho người lao động và bảo đảm trả lương, thưởng Tết",
        "Đề nghị các doanh nghiệp trả lương, thưởng Tết đầy đủ, đúng hạn; giao LĐLĐ tỉnh phối hợp "
        "theo dõi, tổng hợp tình hình.",
        "Chính sách - Pháp luật",
        "Phó Chủ tịch UBND tỉnh",
        340,
    ),
]
# category, title, file code
DOWNLOADS = [
    ("bieu-mau", "Mẫu đơn xin gia nhập Công đoàn Việt Nam", "MAU-01"),
    ("bieu-mau", "Mẫu báo cáo quý của công đoàn cơ sở", "MAU-02"),
    ("bieu-mau", "Mẫu phiếu gửi tin, bài, ảnh cho Cổng thông tin điện tử", "MAU-03"),
    ("bieu-mau", "Mẫu đề nghị hỗ trợ “Mái ấm Công đoàn”", "MAU-04"),
    ("tuyen-van", "Đề cương tuyên truyền kỷ niệm Ngày thành lập Công đoàn Việt Nam", "TV-01"),
    ("tuyen-van", "Tài liệu hỏi - đáp Bộ luật Lao động cho công nhân", "TV-02"),
    ("tuyen-van", "Tờ gấp tuyên truyền an toàn, vệ sinh lao động", "TV-03"),
    ("khac", "Luật Công đoàn năm 2024 (văn bản tham khảo)", "TK-01"),
]

# --- weekly schedule (weekday, time, content, leader, participants, place) -------------------

SCHEDULE_THIS_WEEK = [
    (
        0,
        "07:30",
        "Giao ban Thường trực LĐLĐ tỉnh",
        f"Đ/c {CHAIRMAN}, Chủ tịch",
        "Thường trực, Trưởng các ban",
        "Phòng họp tầng 2",
    ),
    (
        0,
        "14:00",
        "Làm việc với LĐLĐ thị xã Sa Pa về công tác chuẩn bị đại hội công đoàn cơ sở",
        f"Đ/c {STANDING_VICE}, Phó Chủ tịch Thường trực",
        "Ban Tổ chức - Kiểm tra",
        "LĐLĐ thị xã Sa Pa",
    ),
    (
        1,
        "08:00",
        "Dự đối thoại tại Công ty TNHH May mặc Phố Mới",
        f"Đ/c {VICE}, Phó Chủ tịch",
        "Ban CS-PL & QHLĐ, LĐLĐ thành phố Lào Cai",
        "KCN Đông Phố Mới",
    ),
    (
        2,
        "07:30",
        "Họp Ban Thường vụ LĐLĐ tỉnh thường kỳ",
        f"Đ/c {CHAIRMAN}, Chủ tịch",
        "Ủy viên Ban Thường vụ",
        "Hội trường tầng 3",
    ),
    (
        2,
        "14:00",
        "Tiếp công dân định kỳ",
        f"Đ/c {STANDING_VICE}, Phó Chủ tịch Thường trực",
        "Ban CS-PL & QHLĐ, UBKT",
        "Phòng tiếp công dân",
    ),
    (
        3,
        "08:00",
        "Kiểm tra công tác tài chính công đoàn tại Công đoàn ngành Y tế",
        "Đ/c Vũ Thị Hạnh, Chủ nhiệm UBKT",
        "Ủy ban Kiểm tra",
        "Công đoàn ngành Y tế",
    ),
    (
        4,
        "14:00",
        "Họp Ban Biên tập Cổng thông tin điện tử: duyệt nhuận bút tháng",
        f"Đ/c {CHAIRMAN}, Trưởng Ban Biên tập",
        "Ban Biên tập, thư ký, quản trị mạng",
        "Phòng họp tầng 2",
    ),
]
SCHEDULE_LAST_WEEK = [
    (
        0,
        "07:30",
        "Giao ban Thường trực LĐLĐ tỉnh",
        f"Đ/c {CHAIRMAN}, Chủ tịch",
        "Thường trực, Trưởng các ban",
        "Phòng họp tầng 2",
    ),
    (
        1,
        "08:00",
        "Dự hội nghị tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở huyện Bảo Thắng",
        f"Đ/c {STANDING_VICE}, Phó Chủ tịch Thường trực",
        "Ban Tổ chức - Kiểm tra",
        "LĐLĐ huyện Bảo Thắng",
    ),
    (
        2,
        "08:00",
        "Bàn giao “Mái ấm Công đoàn” tại huyện Bát Xát",
        f"Đ/c {VICE}, Phó Chủ tịch",
        "Ban Tuyên giáo - Nữ công, LĐLĐ huyện Bát Xát",
        "Xã Quang Kim, huyện Bát Xát",
    ),
    (
        3,
        "14:00",
        "Làm việc với Bảo hiểm xã hội tỉnh về tình hình nợ đóng bảo hiểm xã hội",
        f"Đ/c {VICE}, Phó Chủ tịch",
        "Ban CS-PL & QHLĐ",
        "Bảo hiểm xã hội tỉnh",
    ),
    (
        4,
        "07:30",
        "Dự hội nghị Ban Chấp hành Đảng bộ tỉnh",
        f"Đ/c {CHAIRMAN}, Chủ tịch",
        "",
        "Hội trường Tỉnh ủy",
    ),
]

# --- questions and answers -------------------------------------------------------------------

# title, question, answer paragraphs, topic, asker, asker's unit, contact (private)
QUESTIONS = [
    (
        "Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương thế nào?",
        "Tôi là công nhân may, tháng trước làm thêm vào Chủ nhật. Công ty trả lương làm thêm như "
        "ngày thường có đúng không?",
        [
            "Theo Điều 98 Bộ luật Lao động năm 2019, người lao động làm thêm giờ được trả lương "
            "ít nhất bằng 150% vào ngày thường, 200% vào ngày nghỉ hằng tuần và 300% vào ngày nghỉ "
            "lễ, tết, ngày nghỉ có hưởng lương (chưa kể tiền lương ngày lễ).",
            "Công ty trả như ngày thường là chưa đúng. Chị có thể đề nghị công đoàn cơ sở kiến "
            "nghị công ty trả bù phần chênh lệch.",
        ],
        "Tiền lương",
        "Chị Nguyễn Thị Lan",
        "Công ty TNHH May mặc Phố Mới",
        "0912 345 671 · lan.nt@example.vn",
    ),
    (
        "Một năm được làm thêm tối đa bao nhiêu giờ?",
        "Công ty yêu cầu làm thêm mỗi ngày 4 tiếng trong mùa cao điểm. Như vậy có vượt quy định "
        "không?",
        [
            "Điều 107 Bộ luật Lao động năm 2019 quy định số giờ làm thêm không quá 50% số giờ làm "
            "việc bình thường trong một ngày, không quá 40 giờ trong một tháng và không quá 200 "
            "giờ trong một năm (300 giờ với một số ngành, nghề theo quy định của Chính phủ).",
            "Việc làm thêm phải được người lao động đồng ý. Làm thêm 4 giờ mỗi ngày với ngày làm "
            "việc 8 giờ là vượt mức 50% nếu kéo dài; anh nên trao đổi với công đoàn cơ sở.",
        ],
        "Thời giờ làm việc",
        "Anh Hoàng Văn Tú",
        "Công ty Cổ phần Khoáng sản Sơn Hà",
        "0987 111 222",
    ),
    (
        "Đoàn phí công đoàn được tính thế nào?",
        "Đoàn viên làm việc tại doanh nghiệp phải đóng đoàn phí bao nhiêu mỗi tháng?",
        [
            "Đoàn viên đóng đoàn phí bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội, mức tối "
            "đa bằng 10% mức lương cơ sở theo quy định của Tổng Liên đoàn Lao động Việt Nam.",
            "Đoàn phí khác với kinh phí công đoàn: kinh phí công đoàn (2% quỹ tiền lương) do người "
            "sử dụng lao động đóng, không trừ vào lương của người lao động.",
        ],
        "Đoàn phí",
        "Chị Trần Thu Hương",
        "Công ty TNHH Du lịch Hoàng Liên Sa Pa",
        "0915 222 333",
    ),
    (
        "Công ty chậm đóng bảo hiểm xã hội thì người lao động làm gì?",
        "Công ty tôi nợ bảo hiểm xã hội 6 tháng. Quyền lợi của tôi có bị ảnh hưởng không?",
        [
            "Người sử dụng lao động chậm đóng bảo hiểm xã hội là vi phạm pháp luật và phải nộp đủ "
            "số tiền chậm đóng cùng tiền lãi. Người lao động có quyền yêu cầu công ty cung cấp "
            "thông tin về việc đóng bảo hiểm của mình.",
            "Anh liên hệ công đoàn cơ sở hoặc Ban Chính sách - Pháp luật & Quan hệ Lao động LĐLĐ "
            "tỉnh; tổ chức công đoàn có quyền khởi kiện ra tòa án khi doanh nghiệp chậm đóng, "
            "trốn đóng bảo hiểm xã hội làm ảnh hưởng đến quyền lợi của tập thể người lao động.",
        ],
        "Bảo hiểm xã hội",
        "Anh Phạm Văn Phong",
        "Công ty Cổ phần Phân bón Hoàng Liên",
        "0904 333 444",
    ),
    (
        "Lao động nữ được nghỉ thai sản bao lâu?",
        "Tôi sắp sinh con thứ hai, được nghỉ thai sản mấy tháng và có được hưởng lương không?",
        [
            "Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng; trường hợp sinh "
            "đôi trở lên thì từ con thứ hai, mỗi con được nghỉ thêm 01 tháng (Điều 139 Bộ luật Lao "
            "động năm 2019).",
            "Trong thời gian nghỉ, chị hưởng chế độ thai sản do quỹ bảo hiểm xã hội chi trả nếu đã "
            "đóng bảo hiểm xã hội từ đủ 06 tháng trở lên trong 12 tháng trước khi sinh con.",
        ],
        "Nữ công",
        "Chị Lò Thị Hoa",
        "Khu công nghiệp Tằng Loỏng",
        "0969 444 555",
    ),
    (
        "Thời gian thử việc tối đa là bao lâu?",
        "Công việc của tôi cần trình độ trung cấp, công ty bắt thử việc 3 tháng có đúng không?",
        [
            "Theo Điều 25 Bộ luật Lao động năm 2019, thời gian thử việc không quá 30 ngày đối với "
            "công việc cần trình độ chuyên môn, kỹ thuật trung cấp; không quá 60 ngày với công "
            "việc cần trình độ cao đẳng trở lên; không quá 180 ngày với người quản lý doanh "
            "nghiệp.",
            "Tiền lương thử việc ít nhất bằng 85% mức lương của công việc đó.",
        ],
        "Hợp đồng lao động",
        "Anh Vũ Minh Tuấn",
        "thành phố Lào Cai",
        "0936 555 666",
    ),
    (
        "Nghỉ việc thì được trợ cấp thôi việc thế nào?",
        "Tôi làm việc cho công ty 5 năm, nay chấm dứt hợp đồng thì được trợ cấp bao nhiêu?",
        [
            "Theo Điều 46 Bộ luật Lao động năm 2019, người lao động làm việc thường xuyên từ đủ 12 "
            "tháng trở lên được trợ cấp thôi việc, mỗi năm làm việc được trợ cấp một nửa tháng "
            "tiền lương.",
            "Thời gian tính trợ cấp là tổng thời gian làm việc thực tế trừ thời gian đã tham gia "
            "bảo hiểm thất nghiệp; phần đã đóng bảo hiểm thất nghiệp được giải quyết theo chế độ "
            "bảo hiểm thất nghiệp.",
        ],
        "Tiền lương",
        "Chị Đặng Thu Trang",
        "huyện Bảo Thắng",
        "0977 666 777",
    ),
    (
        "Công đoàn có thể yêu cầu thương lượng thỏa ước lao động tập thể không?",
        "Công ty tôi chưa có thỏa ước lao động tập thể. Công đoàn cơ sở có thể làm gì?",
        [
            "Công đoàn cơ sở là tổ chức đại diện người lao động có quyền yêu cầu thương lượng tập "
            "thể; người sử dụng lao động không được từ chối (Điều 68, 70 Bộ luật Lao động năm "
            "2019).",
            "Nội dung đã thương lượng thành công và được quá 50% người lao động biểu quyết tán "
            "thành sẽ được ký kết thành thỏa ước lao động tập thể. Ban CS-PL & QHLĐ LĐLĐ tỉnh sẵn "
            "sàng hỗ trợ công đoàn cơ sở trong quá trình thương lượng.",
        ],
        "Quan hệ lao động",
        "Anh Lý Văn Sơn",
        "thị xã Sa Pa",
        "0968 777 888",
    ),
]

# --- galleries, videos, banners --------------------------------------------------------------

GALLERY_CAPTIONS = {
    "van-phong": [
        "Giao ban Thường trực LĐLĐ tỉnh với các ban.",
        "Tập huấn sử dụng Cổng thông tin điện tử.",
        "Công đoàn cơ quan tham gia hiến máu tình nguyện.",
    ],
    "to-chuc-kiem-tra": [
        "Đại hội điểm công đoàn cơ sở.",
        "Trao quyết định thành lập công đoàn cơ sở.",
        "Đoàn kiểm tra làm việc tại LĐLĐ huyện.",
    ],
    "tuyen-giao-nu-cong": [
        "Lễ phát động Tháng Công nhân.",
        "Văn nghệ chào mừng Ngày thành lập Công đoàn Việt Nam.",
        "Tọa đàm của nữ đoàn viên.",
    ],
    "cspl-qhld": [
        "Đối thoại tại nơi làm việc.",
        "Ký kết thỏa ước lao động tập thể.",
        "Tư vấn pháp luật cho công nhân.",
    ],
}
GALLERY_PHOTOS = {
    "van-phong": ["Hội nghị", "Tập huấn", "Văn nghệ"],
    "to-chuc-kiem-tra": ["Đại hội công đoàn", "Trao quyết định", "Kiểm tra, giám sát"],
    "tuyen-giao-nu-cong": ["Tháng Công nhân", "Văn nghệ", "Nữ công"],
    "cspl-qhld": ["Đối thoại", "Thỏa ước lao động tập thể", "Tư vấn pháp luật"],
}
VIDEO_DESCRIPTIONS = [
    "Chuyên mục Công đoàn tháng này: chăm lo Tết cho công nhân lao động, chợ Tết Công đoàn và "
    "những chuyến xe đưa công nhân về quê.",
    "Chuyên mục Công đoàn: đối thoại tại nơi làm việc và thỏa ước lao động tập thể có lợi cho "
    "người lao động ở các khu công nghiệp.",
    "Chuyên mục Công đoàn: nữ công nhân vùng cao vượt khó, phong trào “Giỏi việc nước, đảm việc "
    "nhà”.",
    "Chuyên mục Công đoàn: an toàn, vệ sinh lao động trong khai thác khoáng sản.",
]
# A search, not a made-up video id: it always leads somewhere real.
VIDEO_URL = "https://www.youtube.com/results?search_query=chuyen+muc+cong+doan+lao+cai"
BANNERS = [
    # title, alt text, days shown before today, days after
    (
        "Hưởng ứng Tháng Công nhân",
        "Băng rôn: Hưởng ứng Tháng Công nhân - Tháng hành động về an toàn, vệ sinh lao động",
        30,
        150,
    ),
    (
        "Phát triển đoàn viên",
        "Băng rôn: Phát triển đoàn viên, xây dựng tổ chức Công đoàn vững mạnh",
        60,
        300,
    ),
    (
        "An toàn, vệ sinh lao động",
        "Băng rôn: An toàn để lao động, lao động phải an toàn",
        10,
        90,
    ),
]
# The English home page shows English banners only (a banner's slogan and description are in one
# language): the same campaign, with its slogan in English.
BANNERS_EN = [
    (
        "Workers' Month",
        "Banner: Workers' Month - Action Month for occupational safety and health",
        30,
        150,
    ),
]

SUBSITE_AUTHORS = {
    "tp-lao-cai": "Nguyễn Thu Hà",
    "sa-pa": "Lý Seo Sơn",
    "bat-xat": "Lò Thị Dung",
    "gd": "Trịnh Hải Yến",
    "yt": "Hà Minh Châu",
}
# What the PDF's heading says for each document type.
DOC_TYPE_HEADINGS = {
    "nghi-quyet": "Nghị quyết",
    "chi-thi": "Chỉ thị",
    "quyet-dinh": "Quyết định",
    "ke-hoach": "Kế hoạch",
    "huong-dan": "Hướng dẫn",
    "thong-bao": "Thông báo",
    "cong-van": "Công văn",
    "bao-cao": "Báo cáo",
    "quy-che": "Quyết định",
    "luat": "Luật",
    "khac": "Văn bản",
}
