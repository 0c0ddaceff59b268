"""Vietnamese texts of the demo Lào Cai federation (fictional people, believable activity)."""

UNITS = [
    # code, name, short name, kind
    ("van-phong", "Văn phòng LĐLĐ tỉnh", "Văn phòng", "office"),
    ("to-chuc-kiem-tra", "Ban Tổ chức - Kiểm tra", "Ban TC-KT", "department"),
    ("tuyen-giao-nu-cong", "Ban Tuyên giáo - Nữ công", "Ban TG-NC", "department"),
    (
        "cspl-qhld",
        "Ban Chính sách - Pháp luật & Quan hệ Lao động",
        "Ban CS-PL & QHLĐ",
        "department",
    ),
    ("ubkt", "Ủy ban Kiểm tra LĐLĐ tỉnh", "UBKT", "committee"),
    ("tp-lao-cai", "LĐLĐ thành phố Lào Cai", "LĐLĐ TP Lào Cai", "district"),
    ("sa-pa", "LĐLĐ thị xã Sa Pa", "LĐLĐ Sa Pa", "district"),
    ("bat-xat", "LĐLĐ huyện Bát Xát", "LĐLĐ Bát Xát", "district"),
    ("bao-thang", "LĐLĐ huyện Bảo Thắng", "LĐLĐ Bảo Thắng", "district"),
    ("gd", "Công đoàn ngành Giáo dục", "CĐN Giáo dục", "sector"),
    ("yt", "Công đoàn ngành Y tế", "CĐN Y tế", "sector"),
]
# A district merged away in the 2025 reorganisation, kept for history.
RETIRED_UNIT = ("cam-duong", "LĐLĐ thị xã Cam Đường", "district", "2025-06-30", "tp-lao-cai")
FORMER_NAME = ("tuyen-giao-nu-cong", "Ban Tuyên giáo", "2020-12-31")

COLUMNS = [
    ("to-chuc-kiem-tra", "Tổ chức - Kiểm tra", "to-chuc-kiem-tra"),
    ("tuyen-giao-nu-cong", "Tuyên giáo - Nữ công", "tuyen-giao-nu-cong"),
    ("chinh-sach-phap-luat", "Chính sách - Pháp luật & Quan hệ Lao động", "cspl-qhld"),
    ("van-phong", "Văn phòng", "van-phong"),
]

TOPICS = [
    ("Tháng Công nhân", "Công đoàn cơ sở tổ chức Tháng Công nhân với nhiều hoạt động thiết thực"),
    ("Tết Sum vầy", "Chương trình Tết Sum vầy mang Xuân ấm đến đoàn viên khó khăn"),
    ("Mái ấm Công đoàn", "Bàn giao Mái ấm Công đoàn cho đoàn viên có hoàn cảnh khó khăn"),
    ("Đối thoại", "Đối thoại tại nơi làm việc giữa người sử dụng lao động và người lao động"),
    ("Thỏa ước", "Ký kết thỏa ước lao động tập thể nhóm doanh nghiệp"),
    ("An toàn lao động", "Hưởng ứng Tháng hành động về an toàn, vệ sinh lao động"),
    ("Đại hội", "Đại hội công đoàn cơ sở điểm nhiệm kỳ 2023 - 2028"),
    ("Tập huấn", "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở"),
    ("Phát triển đoàn viên", "Đẩy mạnh phát triển đoàn viên, thành lập công đoàn cơ sở"),
    ("Nữ công", "Tọa đàm kỷ niệm Ngày Phụ nữ Việt Nam 20/10"),
    ("Pháp luật", "Tuyên truyền Bộ luật Lao động cho công nhân khu công nghiệp"),
    ("Kiểm tra", "Kiểm tra việc thu, nộp kinh phí và đoàn phí công đoàn"),
]
PLACES = [
    "Khu công nghiệp Đông Phố Mới",
    "thành phố Lào Cai",
    "thị xã Sa Pa",
    "huyện Bát Xát",
    "huyện Bảo Thắng",
    "Khu công nghiệp Tằng Loỏng",
    "huyện Văn Bàn",
]
AUTHORS = ["Thu Hà", "Minh Đức", "Hoàng Lan", "Văn Tiến", "Ngọc Ánh", "Quang Huy"]
PARAGRAPHS = [
    "Tham dự có đại diện lãnh đạo Liên đoàn Lao động tỉnh, cấp ủy, chính quyền địa phương và "
    "đông đảo đoàn viên, người lao động.",
    "Phát biểu tại buổi lễ, đồng chí Chủ tịch Liên đoàn Lao động tỉnh ghi nhận những kết quả "
    "công đoàn cơ sở đạt được trong việc chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng "
    "của đoàn viên và người lao động.",
    "Dịp này, công đoàn đã trao tặng quà cho đoàn viên có hoàn cảnh khó khăn, mỗi suất quà trị "
    "giá 500.000 đồng.",
    "Thông qua hoạt động, người lao động hiểu rõ hơn quyền và nghĩa vụ của mình, góp phần xây "
    "dựng quan hệ lao động hài hòa, ổn định, tiến bộ tại doanh nghiệp.",
]

DOCUMENTS = [
    # number, type, issuer, level, title
    (
        "772/QĐ-LĐLĐ",
        "quyet-dinh",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Ban hành Quy chế tổ chức, quản lý hoạt động Cổng thông tin điện tử LĐLĐ tỉnh",
    ),
    (
        "128/QĐ-LĐLĐ",
        "quyet-dinh",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Quy định mức chi nhuận bút, thù lao cho tin, bài, ảnh đăng trên Cổng thông tin",
    ),
    (
        "05/KH-LĐLĐ",
        "ke-hoach",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Kế hoạch tổ chức Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động",
    ),
    (
        "12/HD-LĐLĐ",
        "huong-dan",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Hướng dẫn tổ chức đại hội công đoàn cơ sở nhiệm kỳ 2023 - 2028",
    ),
    (
        "231/TB-LĐLĐ",
        "thong-bao",
        "LĐLĐ tỉnh Lào Cai",
        "ldld",
        "Thông báo kết luận của Ban Thường vụ về công tác quý III",
    ),
    (
        "1735/QĐ-TLĐ",
        "quyet-dinh",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Quy định về thi hành Điều lệ Công đoàn Việt Nam",
    ),
    (
        "03/CT-TLĐ",
        "chi-thi",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Chỉ thị về đẩy mạnh phát triển đoàn viên, thành lập công đoàn cơ sở",
    ),
    (
        "45/NQ-TLĐ",
        "nghi-quyet",
        "Tổng Liên đoàn Lao động Việt Nam",
        "tld",
        "Nghị quyết về đổi mới tổ chức và hoạt động công đoàn",
    ),
    (
        "18-CT/TU",
        "chi-thi",
        "Tỉnh ủy Lào Cai",
        "tu",
        "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác công đoàn",
    ),
    (
        "102/KH-UBND",
        "ke-hoach",
        "UBND tỉnh Lào Cai",
        "ubnd",
        "Kế hoạch thực hiện chính sách hỗ trợ nhà ở cho công nhân",
    ),
    (
        "2890/UBND-VX",
        "cong-van",
        "UBND tỉnh Lào Cai",
        "ubnd",
        "Về việc tổ chức các hoạt động chăm lo Tết cho người lao động",
    ),
    ("12/2012/QH13", "luat", "Quốc hội", "tw", "Luật Công đoàn"),
]

QUESTIONS = [
    (
        "Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương thế nào?",
        "Tôi là công nhân may, tháng trước làm thêm vào Chủ nhật. "
        "Công ty trả lương thế nào là đúng?",
        "Theo Điều 98 Bộ luật Lao động năm 2019, làm thêm giờ vào ngày nghỉ hằng tuần "
        "được trả "
        "ít nhất bằng 200% tiền lương theo công việc đang làm.",
        "Tiền lương",
    ),
    (
        "Đoàn phí công đoàn được tính thế nào?",
        "Đoàn viên làm việc tại doanh nghiệp phải đóng đoàn phí bao nhiêu mỗi tháng?",
        "Đoàn viên đóng đoàn phí bằng 1% tiền lương làm căn cứ đóng bảo hiểm xã hội, tối đa "
        "bằng 10% mức lương cơ sở theo quy định của Tổng Liên đoàn.",
        "Đoàn phí",
    ),
    (
        "Công ty chậm đóng bảo hiểm xã hội thì người lao động làm gì?",
        "Công ty tôi nợ bảo hiểm xã hội 6 tháng, tôi có bị ảnh hưởng quyền lợi không?",
        "Người lao động có quyền yêu cầu công đoàn cơ sở và cơ quan bảo hiểm xã hội kiểm tra; "
        "công đoàn có quyền khởi kiện khi doanh nghiệp chậm đóng.",
        "Bảo hiểm xã hội",
    ),
    (
        "Nghỉ thai sản được bao lâu?",
        "Tôi sắp sinh con thứ hai, được nghỉ thai sản mấy tháng?",
        "Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.",
        "Nữ công",
    ),
    (
        "Thử việc tối đa bao nhiêu ngày?",
        "Công việc của tôi cần trình độ trung cấp, công ty bắt thử việc 3 tháng có đúng không?",
        "Thời gian thử việc không quá 30 ngày đối với công việc cần trình độ trung cấp.",
        "Hợp đồng lao động",
    ),
    (
        "Khi nào được đơn phương chấm dứt hợp đồng không cần báo trước?",
        "Công ty không trả lương đúng hạn, tôi có được nghỉ việc ngay không?",
        "Người lao động có quyền đơn phương chấm dứt hợp đồng không cần báo trước khi không được "
        "trả đủ lương hoặc trả lương không đúng thời hạn (Điều 35).",
        "Hợp đồng lao động",
    ),
    (
        "Mức hưởng trợ cấp thôi việc?",
        "Tôi làm việc 5 năm, nghỉ việc thì được trợ cấp thế nào?",
        "Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương, trừ thời gian đã đóng bảo hiểm "
        "thất nghiệp.",
        "Tiền lương",
    ),
    (
        "Thỏa ước lao động tập thể có bắt buộc không?",
        "Công ty tôi chưa có thỏa ước lao động tập thể, công đoàn có thể làm gì?",
        "Công đoàn cơ sở có quyền yêu cầu thương lượng tập thể; nội dung đã thỏa thuận được ký "
        "thành thỏa ước.",
        "Quan hệ lao động",
    ),
]

SCHEDULE = [
    # weekday offset, time, content, leader, participants, location
    (
        0,
        "07:30",
        "Giao ban Thường trực LĐLĐ tỉnh",
        "Chủ tịch LĐLĐ tỉnh",
        "Thường trực, Trưởng các ban",
        "Phòng họp tầng 2",
    ),
    (
        0,
        "14:00",
        "Làm việc với LĐLĐ thị xã Sa Pa về công tác tổ chức đại hội",
        "Phó Chủ tịch Thường trực",
        "Ban Tổ chức - Kiểm tra",
        "Thị xã Sa Pa",
    ),
    (
        1,
        "08:00",
        "Dự Hội nghị đối thoại tại Khu công nghiệp Đông Phố Mới",
        "Phó Chủ tịch LĐLĐ tỉnh",
        "Ban CS-PL & QHLĐ",
        "KCN Đông Phố Mới",
    ),
    (
        2,
        "07:30",
        "Họp Ban Thường vụ LĐLĐ tỉnh thường kỳ",
        "Chủ tịch LĐLĐ tỉnh",
        "Ủy viên Ban Thường vụ",
        "Hội trường tầng 3",
    ),
    (
        3,
        "08:00",
        "Kiểm tra công tác tài chính công đoàn tại CĐN Y tế",
        "Chủ nhiệm UBKT",
        "Ủy ban Kiểm tra",
        "CĐN Y tế",
    ),
    (
        4,
        "14:00",
        "Tổng kết hoạt động Cổng thông tin điện tử quý",
        "Phó Chủ tịch Thường trực",
        "Ban Biên tập",
        "Phòng họp tầng 2",
    ),
]

ACCOUNTS = [
    # username, first name, last name, group
    ("truongban", "Hùng", "Nguyễn Văn", "Trưởng Ban Biên tập"),
    ("phoban1", "Thanh", "Trần Thị", "Phó Trưởng ban"),
    ("phoban2", "Bình", "Lê Quốc", "Phó Trưởng ban"),
    ("thuky", "Hằng", "Phạm Thu", "Thư ký"),
    ("quantri", "Tuấn", "Đỗ Minh", "Quản trị mạng"),
    ("vanthu", "Mai", "Hoàng Thị", "Văn thư"),
    ("ctv-tochuc", "Dũng", "Vũ Tiến", "Cộng tác viên - Ban Tổ chức - Kiểm tra"),
    ("ctv-tuyengiao", "Lan", "Ngô Hoàng", "Cộng tác viên - Ban Tuyên giáo - Nữ công"),
    ("ctv-cspl", "Nam", "Bùi Văn", "Cộng tác viên - Ban CS-PL & QHLĐ"),
    ("ctv-vanphong", "Hoa", "Đặng Thị", "Cộng tác viên - Văn phòng"),
    ("bientap-sa-pa", "Sơn", "Lý Seo", "Biên tập - LĐLĐ thị xã Sa Pa"),
    ("bientap-gd", "Yến", "Trịnh Hải", "Biên tập - Công đoàn ngành Giáo dục"),
]
