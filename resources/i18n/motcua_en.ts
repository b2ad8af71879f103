<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>FilesTableModel</name>
    <message>
        <location filename="../../ui/files_table_model.py" line="+54"/>
        <source>Mã hồ sơ</source>
        <translation>File code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ hồ sơ</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiến độ</source>
        <translation>Timeliness</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="+25"/>
        <source>Thiết lập ban đầu</source>
        <translation>Initial setup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trung tâm Phục vụ hành chính công xã …</source>
        <translation>Public Administration Service Centre of … commune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UBND xã … (không bắt buộc)</source>
        <translation>People’s Committee of … commune (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in trước ngày tháng trên giấy tờ (không bắt buộc)</source>
        <translation>printed before the date on documents (optional)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mã cơ quan (mã định danh điện tử):</source>
        <translation>Agency code (electronic identifier):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên cơ quan tiếp nhận:</source>
        <translation>Receiving agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chủ quản:</source>
        <translation>Parent body:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa danh:</source>
        <translation>Place name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số máy trạm:</source>
        <translation>Workstation number:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy này chưa được thiết lập. Nhập thông tin cơ quan tiếp nhận hồ sơ.</source>
        <translation>This computer is not set up yet. Enter the details of the agency receiving the files.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242).</source>
        <translation>The agency code is not in a valid format (for example 000.17.22.H56 or H55.242).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cần nhập tên cơ quan tiếp nhận.</source>
        <translation>Enter the name of the receiving agency.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+44"/>
        <source>MotCua Desk — {0}</source>
        <translation>MotCua Desk — {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tìm theo mã hồ sơ, số định danh, số điện thoại hoặc họ tên (Ctrl+F)</source>
        <translation>Search by file code, ID number, phone number or name (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tất cả trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tìm:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (cuộn xuống để xem thêm)</source>
        <translation> (scroll down for more)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lỗi không mong đợi: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không tải được danh sách hồ sơ</source>
        <translation>Could not load the file list</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="+34"/>
        <source>Đã xảy ra lỗi không mong đợi.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu đã lưu không bị ảnh hưởng. Hãy gửi nội dung chi tiết cho quản trị viên.</source>
        <translation>Data already saved is not affected. Please send the details below to your administrator.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Đang mở dữ liệu…</source>
        <translation>Opening the data…</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+16"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tạm dừng (chờ bổ sung)</source>
        <translation>Paused (awaiting documents)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trong hạn</source>
        <translation>On track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số định danh cá nhân không hợp lệ.</source>
        <translation>The personal ID number is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đọc được mã QR trên thẻ căn cước.</source>
        <translation>The QR code on the ID card could not be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242).</source>
        <translation>The agency code is not in a valid format (for example 000.17.22.H56 or H55.242).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu nhập chưa đúng.</source>
        <translation>The data entered is not correct.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không tìm thấy.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thể chuyển hồ sơ sang trạng thái này.</source>
        <translation>The file cannot be moved to this status.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ đã được gia hạn một lần hoặc không còn trong quá trình xử lý.</source>
        <translation>The file has already been extended once or is no longer being processed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa thiết lập cơ quan tiếp nhận.</source>
        <translation>The receiving agency has not been set up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không ghi được dữ liệu (ổ đĩa đầy, tệp bị khóa hoặc hỏng).</source>
        <translation>The data could not be written (the disk is full, or the file is locked or damaged).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản không có quyền thực hiện thao tác này.</source>
        <translation>This account is not allowed to do this.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh mục thủ tục không hợp lệ.</source>
        <translation>The procedure catalogue is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch làm việc không hợp lệ.</source>
        <translation>The working calendar is not valid.</translation>
    </message>
</context>
</TS>
