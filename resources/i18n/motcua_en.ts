<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AgencyTab</name>
    <message>
        <location filename="../../ui/settings_agency_tab.py" line="+39"/>
        <source>UBND xã …</source>
        <translation>People’s Committee of … commune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UBND tỉnh … (không bắt buộc)</source>
        <translation>People’s Committee of … province (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in trước ngày tháng trên giấy tờ (không bắt buộc)</source>
        <translation>printed before the date on documents (optional)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Mã cơ quan (mã định danh điện tử):</source>
        <translation>Agency &amp;code (electronic identifier):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tên cơ quan tiếp nhận:</source>
        <translation>&amp;Receiving agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan &amp;chủ quản:</source>
        <translation>&amp;Parent body:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đị&amp;a danh:</source>
        <translation>Place &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số má&amp;y trạm:</source>
        <translation>&amp;Workstation number:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Lưu thông tin cơ quan</source>
        <translation>&amp;Save agency details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan tiếp nhận</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mã cơ quan và số máy trạm tạo nên mã hồ sơ: mỗi máy trạm của cùng cơ quan phải có một số riêng. Tên cơ quan in trên biên nhận và các phiếu từ nay về sau.</source>
        <translation>The agency code and the workstation number make up the file codes: each workstation of an agency needs a number of its own. The agency name is printed on receipts and forms from now on.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bộ mẫu biểu in</source>
        <translation>Printed form set</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Áp &amp;dụng bộ mẫu</source>
        <translation>Apply &amp;form set</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số hiệu và tên các mẫu (biên nhận, phiếu, sổ theo dõi) theo thông tư đã chọn.</source>
        <translation>Form numbers and titles (receipt, notices, register) follow the chosen circular.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+24"/>
        <source>Cần nhập tên cơ quan tiếp nhận.</source>
        <translation>Enter the name of the receiving agency.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Đã lưu thông tin cơ quan. Tên mới hiện trên thanh tiêu đề từ lần mở sau.</source>
        <translation>Agency details saved. The new name appears in the title bar from the next start.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242).</source>
        <translation>The agency code is not in a valid format (for example 000.17.22.H56 or H55.242).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số máy trạm phải từ 1 đến {0}.</source>
        <translation>The workstation number must be between 1 and {0}.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Từ nay in theo mẫu của {0}.</source>
        <translation>Forms are now printed as set out in {0}.</translation>
    </message>
</context>
<context>
    <name>AttachmentViewerDialog</name>
    <message>
        <location filename="../../ui/attachment_viewer.py" line="+63"/>
        <source>Xem giấy tờ — {0}</source>
        <translation>View document — {0}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>In bản sao… (Ctrl+P)</source>
        <translation>Print a copy… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>In một bản sao giấy tờ này (Ctrl+P)</source>
        <translation>Print a copy of this document (Ctrl+P)</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Về trang đầu (Home)</source>
        <translation>First page (Home)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trang trước (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trang sau (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tới trang cuối (End)</source>
        <translation>Last page (End)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thu nhỏ (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phóng to (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vừa trang</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xem trọn một trang (Ctrl+0)</source>
        <translation>Show a whole page (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cỡ thật, 100% (Ctrl+1)</source>
        <translation>Actual size, 100% (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vừa rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang vừa chiều rộng cửa sổ (Ctrl+2)</source>
        <translation>Fit the page to the width of the window (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đi tới trang</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gõ số trang (Ctrl+G)</source>
        <translation>Type a page number (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In bản sao…</source>
        <translation>Print a copy…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số trang đang xem; gõ số rồi Enter để tới trang đó (Ctrl+G)</source>
        <translation>The page shown; type a number and press Enter to go to that page (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tỉ lệ phóng</source>
        <translation>Zoom level</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Không mở được giấy tờ «{0}»: tệp PDF được khóa bằng mật khẩu.
Hãy báo quản trị viên; bản lưu trong hồ sơ không bị thay đổi.</source>
        <translation>Could not open the document “{0}”: the PDF file is password-protected.
Please tell your administrator; the copy stored in the file has not been changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không mở được giấy tờ «{0}»: tệp PDF bị hỏng hoặc không phải tệp PDF.
Hãy báo quản trị viên; nếu cần, số hóa lại giấy tờ này từ bản giấy.</source>
        <translation>Could not open the document “{0}”: the PDF file is damaged or is not a PDF file.
Please tell your administrator; if need be, digitise this document again from the paper copy.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Đang in bản sao…</source>
        <translation>Printing a copy…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Đã gửi %n trang tới máy in {0}.</source>
        <translation>
            <numerusform>%n page sent to printer {0}.</numerusform>
            <numerusform>%n pages sent to printer {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không in được: {0}</source>
        <translation>Could not print: {0}</translation>
    </message>
</context>
<context>
    <name>AttachmentsTableModel</name>
    <message>
        <location filename="../../ui/attachments_table_model.py" line="+28"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm lúc</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số thứ tự</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên tài liệu (thành phần hồ sơ)</source>
        <translation>Document name (as on the file’s checklist)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quét, chụp, nhập tệp hay dùng lại tài liệu đã số hóa trước đây</source>
        <translation>Scanned, captured, imported from a file, or a previously digitised document reused</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Quét</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy ảnh</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập tệp</source>
        <translation>File import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng lại</source>
        <translation>Reused</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tệp gốc: {0}</source>
        <translation>Original file: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cảnh báo đã bỏ qua: {0}</source>
        <translation>Warnings overridden: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dùng lại tài liệu đã số hóa của công dân (không phải nộp lại)</source>
        <translation>Reuses the citizen’s previously digitised document (no need to hand it in again)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="+76"/>
        <source>mọi tài khoản</source>
        <translation>all accounts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tên đăng nhập của người đã thực hiện thao tác. Lần đăng nhập sai được ghi dưới tài khoản system; tên đã gõ nằm ở cột Đối tượng.</source>
        <translation>The user name of the person who did it. Failed logins are recorded under the system account; the name typed is in the Subject column.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mọi thao tác</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>mã hồ sơ hoặc mã đối tượng</source>
        <translation>file code or subject code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã hồ sơ (000.17.22.H56-260304-0001), hoặc mã của đối tượng khác, đúng từng ký tự</source>
        <translation>A file code (000.17.22.H56-260304-0001), or the code of another subject, character for character</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>từ đầu</source>
        <translation>from the start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đến nay</source>
        <translation>until now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa bộ &amp;lọc</source>
        <translation>C&amp;lear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ mọi bộ lọc (Alt+L)</source>
        <translation>Remove every filter (Alt+L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kiểm tra tính toàn &amp;vẹn</source>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tính lại chuỗi mã kiểm tra của toàn bộ nhật ký: mục nào bị sửa, bị xóa hay bị đảo thứ tự ngoài chương trình đều bị phát hiện (Alt+V)</source>
        <translation>Recompute the check chain of the whole log: any entry edited, deleted or reordered outside the application is found (Alt+V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trích &amp;xuất cho công dân…</source>
        <translation>E&amp;xport for a citizen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi ra tệp mọi mục nhật ký về một công dân (tra cứu, hồ sơ, in, mở xem), theo yêu cầu của chủ thể dữ liệu cá nhân (Alt+X)</source>
        <translation>Write every log entry about one citizen (lookups, files, printouts, viewings) to a file, at the data subject’s request (Alt+X)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Tài &amp;khoản:</source>
        <translation>Acco&amp;unt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thao tá&amp;c:</source>
        <translation>Ac&amp;tion:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mã hồ sơ, đối tượng:</source>
        <translation>Subject &amp;code:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Từ ngà&amp;y:</source>
        <translation>From da&amp;y:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đế&amp;n ngày:</source>
        <translation>t&amp;o:</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Ngày bắt đầu ở sau ngày kết thúc: không có mục nào.</source>
        <translation>The first day is after the last day: no entries.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Đang kiểm tra tính toàn vẹn của nhật ký…</source>
        <translation>Verifying the log’s integrity…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhật ký nguyên vẹn ({0} mục).</source>
        <translation>The log is intact ({0} entries).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhật ký không còn nguyên vẹn từ mục số {0}: {1}.</source>
        <translation>The log is broken from entry number {0}: {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Các mục đến số {0} vẫn nguyên vẹn.</source>
        <translation>The entries up to number {0} are intact.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không kiểm tra được nhật ký: {0}</source>
        <translation>Could not verify the log: {0}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Trích xuất nhật ký cho công dân</source>
        <translation>Export the log for a citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh cá nhân (12 số) hoặc số CMND cũ của công dân:</source>
        <translation>The citizen’s personal ID number (12 digits) or old ID card number:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu nhật ký về công dân</source>
        <translation>Save the log about the citizen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp JSON (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang trích xuất nhật ký về công dân…</source>
        <translation>Exporting the log about the citizen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã ghi {0} mục nhật ký về công dân vào tệp:</source>
        <translation>{0} log entries about the citizen written to the file:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Không có công dân nào mang số {0} trong dữ liệu của máy này.</source>
        <translation>No citizen with the number {0} is in this computer’s data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không trích xuất được nhật ký: {0}</source>
        <translation>Could not export the log: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có mục nào</source>
        <translation>No entries</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} mục mới nhất — cuộn xuống để xem thêm</source>
        <translation>The newest {0} entries — scroll down for more</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} mục</source>
        <translation>Entries: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không tải được nhật ký: {0}</source>
        <translation>Could not load the log: {0}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/audit_table_model.py" line="+65"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy trạm</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Hệ thống ({0})</source>
        <translation>System ({0})</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+2"/>
        <source>Mục số {0}</source>
        <translation>Entry number {0}</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../ui/settings_backup_tab.py" line="+135"/>
        <source>Enter hoặc nháy đúp để kiểm tra bản sao lưu</source>
        <translation>Enter or double-click to check the backup</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chưa có bản sao lưu nào trong thư mục.</source>
        <translation>There is no backup in the folder yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sao lưu ngay…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu dữ liệu, tài liệu số hóa và khóa ký biên nhận vào một tệp .zip do bạn chọn</source>
        <translation>Back up the data, the digitized documents and the receipt signing key into a .zip file of your choice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kiểm tra bản sao lưu…</source>
        <translation>&amp;Check a backup…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm tra một bản sao lưu còn nguyên vẹn, dùng được để khôi phục</source>
        <translation>Check that a backup is whole and can be restored</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Khôi phục…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay toàn bộ dữ liệu của máy này bằng một bản sao lưu</source>
        <translation>Replace all the data of this computer with a backup</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mỗi bản sao lưu gồm cơ sở dữ liệu, các tài liệu đã số hóa và khóa ký giấy biên nhận của máy này, được kiểm tra trước và sau khi ghi. Chương trình tự sao lưu mỗi ngày một lần và trước những thay đổi lớn. Bản sao lưu chứa dữ liệu cá nhân và khóa bí mật: hãy cất giữ cẩn thận như chính máy tính, và chép định kỳ ra nơi khác (USB, ổ mạng).</source>
        <translation>Each backup holds the database, the digitized documents and this computer’s receipt signing key, checked before and after it is written. The application backs up by itself once a day and before big changes. A backup holds personal data and a secret key: keep it as carefully as the computer itself, and copy it elsewhere regularly (a USB stick, a network drive).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dữ liệu được lưu trên máy chủ cơ sở dữ liệu (PostgreSQL): hãy sao lưu bằng công cụ của máy chủ (pg_dump) cùng thư mục dữ liệu. Sao lưu và khôi phục ở đây chỉ dành cho dữ liệu lưu trên máy này.</source>
        <translation>The data is kept on a database server (PostgreSQL): back it up with the server’s tools (pg_dump) together with the data folder. Backing up and restoring here are only for data kept on this computer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy này chưa có thư mục sao lưu tự động.</source>
        <translation>This computer has no folder for automatic backups.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các bản sao lưu tự động trong thư mục {0}:</source>
        <translation>The automatic backups in the folder {0}:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sao lưu dữ liệu</source>
        <translation>Back up the data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bản sao lưu MotCua (*.zip)</source>
        <translation>MotCua backups (*.zip)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up the data…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã sao lưu vào {0} ({1}; {2} tài liệu, {3} tệp khóa).</source>
        <translation>Backed up to {0} ({1}; {2} documents, {3} key files).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chưa sao lưu được: {0}</source>
        <translation>Not backed up: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa sao lưu được: không ghi được tệp ({0}).</source>
        <translation>Not backed up: the file cannot be written ({0}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bản sao lưu MotCua (*.zip);;Mọi tệp (*)</source>
        <translation>MotCua backups (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kiểm tra bản sao lưu</source>
        <translation>Check a backup</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+70"/>
        <source>Đang kiểm tra bản sao lưu {0}…</source>
        <translation>Checking the backup {0}…</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Bản sao lưu được mã hóa</source>
        <translation>Encrypted backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bản sao lưu {0} được mã hóa bằng khóa khác với dữ liệu của máy này. Nhập mật khẩu mã hóa hoặc mã khôi phục lúc tạo bản sao lưu:</source>
        <translation>The backup {0} is encrypted with a different key from this computer&apos;s data. Enter the encryption passphrase or recovery code it was made under:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bản sao lưu {0} nguyên vẹn, dùng được để khôi phục: tạo lúc {1}, {2} tài liệu.</source>
        <translation>The backup {0} is whole and can be restored: made at {1}, {2} documents.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bản sao lưu {0} không dùng được: {1}</source>
        <translation>The backup {0} cannot be used: {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn bản sao lưu để khôi phục</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore the data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay toàn bộ dữ liệu của máy này bằng bản sao lưu {0}?</source>
        <translation>Replace all the data of this computer with the backup {0}?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bản sao lưu được tạo lúc {0}, gồm {1} tài liệu.

Mọi hồ sơ, công dân, tài khoản và cài đặt hiện có sẽ bị thay bằng nội dung của bản sao lưu: những gì nhập sau thời điểm đó sẽ không còn trong dữ liệu đang dùng. Trước khi thay, chương trình tự sao lưu dữ liệu hiện tại (bản “Trước khi khôi phục”) vào thư mục {2}.

Sau khi khôi phục, chương trình mở lại dữ liệu và mọi người phải đăng nhập lại.</source>
        <translation>The backup was made at {0} and holds {1} documents.

Every file, citizen, account and setting there is now will be replaced by the backup’s: whatever was entered after that moment will no longer be in the data in use. Before replacing it, the application backs the current data up by itself (the “Before a restore” backup) into the folder {2}.

After the restore the application opens the data again and everyone must log in again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tôi hiểu dữ liệu hiện tại sẽ bị thay thế</source>
        <translation>I understand that the current data will be replaced</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Đang khôi phục dữ liệu từ {0}…</source>
        <translation>Restoring the data from {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã khôi phục dữ liệu từ bản sao lưu tạo lúc {0}.</source>
        <translation>The data was restored from the backup made at {0}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã khôi phục dữ liệu</source>
        <translation>Data restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình sẽ mở lại dữ liệu; hãy đăng nhập lại.</source>
        <translation>The application will open the data again; please log in again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa khôi phục được: {0}</source>
        <translation>Not restored: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa khôi phục được</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dữ liệu có thể đã thay đổi một phần: chương trình sẽ mở lại dữ liệu; hãy đăng nhập lại. Bản sao dữ liệu trước khi khôi phục (nếu đã kịp tạo) nằm trong thư mục sao lưu.</source>
        <translation>The data may have been partly changed: the application will open the data again; please log in again. The backup of the data taken before the restore (if it was made) is in the backups folder.</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location line="-428"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thời điểm</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hằng ngày</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi nâng cấp dữ liệu</source>
        <translation>Before a data upgrade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi nhập danh mục, lịch nghỉ</source>
        <translation>Before importing a catalogue or holidays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu thủ công</source>
        <translation>Made by hand</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/camera_dialog.py" line="+92"/>
        <source>Chụp giấy tờ bằng máy ảnh tài liệu</source>
        <translation>Capture documents with the document camera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Máy ảnh dùng để chụp</source>
        <translation>The camera to capture with</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Máy ảnh:</source>
        <translation>&amp;Camera:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tự tìm và &amp;nắn thẳng trang</source>
        <translation>Find and &amp;straighten pages automatically</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cắt phần bàn xung quanh và nắn trang bị chụp nghiêng thành hình chữ nhật</source>
        <translation>Crop away the desk around the page and straighten a page captured at an angle into a rectangle</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Các trang đã chụp, theo thứ tự</source>
        <translation>Captured pages, in order</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chụp (Space)</source>
        <translation>Capture (Space)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp trang đang đặt dưới máy ảnh (Space hoặc Enter)</source>
        <translation>Capture the page placed under the camera (Space or Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bỏ trang vừa chụp (Ctrl+Z)</source>
        <translation>Discard last page (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ trang chụp sau cùng (Ctrl+Z)</source>
        <translation>Discard the page captured last (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xong (Ctrl+Enter)</source>
        <translation>Done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm các trang đã chụp vào hồ sơ (Ctrl+Enter)</source>
        <translation>Add the captured pages to the file (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Không tìm thấy máy ảnh tài liệu hay webcam nào.
Hãy cắm máy ảnh vào máy tính rồi chờ vài giây; hoặc dùng máy quét, hay nhập tệp ảnh/PDF có sẵn.</source>
        <translation>No document camera or webcam was found.
Plug the camera into the computer and wait a few seconds; or use the scanner, or import existing image/PDF files.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Không mở được máy ảnh «{0}» ({1}).
Có thể một chương trình khác đang dùng nó: hãy đóng chương trình đó, hoặc chọn máy ảnh khác.</source>
        <translation>Could not open the camera “{0}” ({1}).
Another program may be using it: close that program, or choose another camera.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đang chụp…</source>
        <translation>Capturing…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang xử lý…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Không xử lý được ảnh vừa chụp; hãy chụp lại. ({0})</source>
        <translation>Could not process the captured image; please capture it again. ({0})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không chụp được: {0}</source>
        <translation>Could not capture: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Trang {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Đang xử lý %n ảnh vừa chụp…</source>
        <translation>
            <numerusform>Processing %n captured image…</numerusform>
            <numerusform>Processing %n captured images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Đã chụp %n trang.</source>
        <translation>
            <numerusform>%n page captured.</numerusform>
            <numerusform>%n pages captured.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt trang tiếp theo rồi bấm Space; xong thì bấm Ctrl+Enter.</source>
        <translation>Place the next page and press Space; when you have finished, press Ctrl+Enter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đặt trang dưới máy ảnh rồi bấm Space để chụp.</source>
        <translation>Place a page under the camera and press Space to capture it.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Bỏ %n trang đã chụp?</source>
        <translation>
            <numerusform>Discard the %n captured page?</numerusform>
            <numerusform>Discard the %n captured pages?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../ui/settings_catalog_tab.py" line="+55"/>
        <source>Tìm theo mã, tên thủ tục hoặc lĩnh vực</source>
        <translation>Search by code, procedure name or field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tìm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter hoặc nháy đúp để sửa thủ tục</source>
        <translation>Enter or double-click to edit a procedure</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Thêm thủ tục…</source>
        <translation>Add procedure…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập danh mục…</source>
        <translation>&amp;Import catalogue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Xuất danh mục…</source>
        <translation>E&amp;xport catalogue…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Danh mục nhập từ tệp JSON (định dạng motcua.catalog/1) được kiểm tra toàn bộ: có lỗi thì không thay đổi gì. Phiên bản thủ tục đã có hồ sơ sử dụng không thể sửa, chỉ có thể thêm phiên bản mới áp dụng từ một ngày sau.</source>
        <translation>A catalogue imported from a JSON file (format motcua.catalog/1) is checked in full: if anything is wrong, nothing changes. A procedure version already used by files cannot be edited; only a new version taking effect from a later date can be added.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n thủ tục</source>
        <translation>
            <numerusform>%n procedure</numerusform>
            <numerusform>%n procedures</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}/{1} thủ tục</source>
        <translation>{0} of {1} procedures</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chọn một thủ tục trong danh sách để sửa.</source>
        <translation>Choose a procedure in the list to edit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sửa thủ tục {0}</source>
        <translation>Edit procedure {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thêm thủ tục</source>
        <translation>Add procedure</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Nhập danh mục thủ tục</source>
        <translation>Import procedure catalogue</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+48"/>
        <source>Danh mục thủ tục (*.json)</source>
        <translation>Procedure catalogue (*.json)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Đã nhập danh mục: thêm {0} thủ tục, cập nhật {1}; thêm {2} phiên bản, cập nhật {3}; {4} thủ tục không đổi.</source>
        <translation>Catalogue imported. Procedures: {0} added, {1} updated, {4} unchanged. Versions: {2} added, {3} updated.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Không nhập danh mục (không thay đổi gì): {0}</source>
        <translation>Catalogue not imported (nothing changed): {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Xuất danh mục thủ tục</source>
        <translation>Export procedure catalogue</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã xuất danh mục thủ tục ra {0}</source>
        <translation>Procedure catalogue exported to {0}</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <location filename="../../ui/checklist_table_model.py" line="+80"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao CT</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chụp</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản số</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đánh dấu giấy tờ công dân đã nộp (phím cách)</source>
        <translation>Tick the documents the citizen handed in (Space)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ theo thành phần hồ sơ của thủ tục; chữ đậm là giấy tờ bắt buộc</source>
        <translation>The documents the procedure asks for; required ones are in bold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số bản chính</source>
        <translation>Number of originals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số bản sao có chứng thực</source>
        <translation>Number of certified copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số bản chụp (photo)</source>
        <translation>Number of photocopies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã số hóa (quét hoặc dùng lại bản số của hồ sơ trước)</source>
        <translation>Digitized (scanned, or an earlier file’s copy reused)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>khác</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bắt buộc</source>
        <translation>required</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giấy tờ bắt buộc chưa nhận</source>
        <translation>Required document not received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ đã quét</source>
        <translation>✓ scanned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✓ dùng lại</source>
        <translation>✓ reused</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(nhập tên giấy tờ)</source>
        <translation>(type the document’s name)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bắt buộc.</source>
        <translation>Required.</translation>
    </message>
</context>
<context>
    <name>CitizenFilesTableModel</name>
    <message>
        <location filename="../../ui/citizen_files_table_model.py" line="+34"/>
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
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hẹn trả: {0}</source>
        <translation>Due: {0}</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <location filename="../../ui/crop_dialog.py" line="+218"/>
        <source>Cắt trang</source>
        <translation>Crop page</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang tải trang…</source>
        <translation>Loading the page…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trái</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trên</source>
        <translation>Top</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phải</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dưới</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> điểm ảnh</source>
        <translation> pixels</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kéo chuột trên trang để vẽ khung cắt, kéo cạnh hoặc góc để chỉnh, kéo bên trong để dời khung. Hoặc gõ vị trí từng cạnh (tính từ góc trên bên trái).</source>
        <translation>Drag on the page to draw the crop frame, drag an edge or corner to adjust it, drag inside it to move it. Or type the position of each edge (measured from the top left corner).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Toàn trang (Ctrl+Backspace)</source>
        <translation>Whole page (Ctrl+Backspace)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ cắt: giữ cả trang (Ctrl+Backspace)</source>
        <translation>Undo the crop: keep the whole page (Ctrl+Backspace)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cắt (Enter)</source>
        <translation>Crop (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Không hiển thị được trang; vẫn có thể gõ vị trí các cạnh.</source>
        <translation>The page cannot be shown; you can still type the positions of the edges.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Còn lại: {0} × {1} điểm ảnh</source>
        <translation>Remaining: {0} × {1} pixels</translation>
    </message>
</context>
<context>
    <name>DayBreakdownTableModel</name>
    <message>
        <location filename="../../ui/day_breakdown_table_model.py" line="+44"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hệ thống (nhập bằng dòng lệnh)</source>
        <translation>System (command-line import)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không rõ cán bộ</source>
        <translation>Unknown clerk</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <location filename="../../ui/day_page.py" line="+150"/>
        <source>Ngày trước (Alt+←)</source>
        <translation>Previous day (Alt+←)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày trước</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày sau (Alt+→)</source>
        <translation>Next day (Alt+→)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sau</source>
        <translation>Next day</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;In sổ theo dõi</source>
        <translation>&amp;Print register</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Hôm na&amp;y</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Chốt sổ ngày…</source>
        <translation>&amp;Close the day…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chốt số liệu của ngày đang xem: số liệu được lưu lại kèm người chốt và thời điểm chốt</source>
        <translation>Close the figures of the day shown: they are kept with who closed the day and when</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày đang &amp;xem:</source>
        <translation>Day &amp;shown:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sổ theo &amp;dõi từ ngày:</source>
        <translation>&amp;Register from:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đế&amp;n ngày:</source>
        <translation>t&amp;o:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In sổ theo dõi hồ sơ của khoảng ngày đã chọn (Ctrl+P)</source>
        <translation>Print the file register for the chosen dates (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất &amp;Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu sổ theo dõi hồ sơ của khoảng ngày đã chọn ra tệp Excel (Ctrl+E)</source>
        <translation>Save the file register for the chosen dates as an Excel file (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+412"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-411"/>
        <location line="+385"/>
        <source>Đến hạn trong ngày</source>
        <translation>Due on the day</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Results returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ đúng hạn</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The&amp;o thủ tục</source>
        <translation>&amp;By procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo cán &amp;bộ</source>
        <translation>By &amp;clerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có hồ sơ tiếp nhận hay trả kết quả trong ngày.</source>
        <translation>No files were received or returned on this day.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tiếp nhận trong ngày đã chọn</source>
        <translation>Received on the chosen day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang quá hạn</source>
        <translation>Currently overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+344"/>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="-343"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ &amp;sơ cần xem:</source>
        <translation>Files to re&amp;view:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter hoặc nháy đúp để mở hồ sơ</source>
        <translation>Enter or double-click to open a file</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Không tải được hồ sơ</source>
        <translation>Could not load the files</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Đang chuẩn bị sổ theo dõi hồ sơ…</source>
        <translation>Preparing the file register…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lưu sổ theo dõi hồ sơ</source>
        <translation>Save the file register</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang xuất sổ theo dõi hồ sơ ra Excel…</source>
        <translation>Exporting the file register to Excel…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đang chốt sổ ngày {0}…</source>
        <translation>Closing the day {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chốt sổ ngày</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chốt sổ ngày {0}?</source>
        <translation>Close the day {0}?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tiếp nhận: {0} hồ sơ; đã trả kết quả: {1}; giải quyết xong: {2}; đang quá hạn: {3}.

Số liệu này được lưu lại như hiện tại, kèm tên người chốt và thời điểm chốt. Một ngày chỉ chốt sổ một lần.</source>
        <translation>Received: {0} files; results returned: {1}; finished: {2}; overdue: {3}.

These figures are kept as they stand now, with who closed the day and when. A day is closed only once.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Chốt sổ</source>
        <translation>&amp;Close the day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Không tải được số liệu tổng hợp</source>
        <translation>Could not load the daily summary</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} — hôm nay</source>
        <translation>{0} — today</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hồ sơ tiếp nhận trong ngày</source>
        <translation>files received on the day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hồ sơ có hẹn trả trong ngày</source>
        <translation>files due on the day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hồ sơ chưa giải quyết, đã quá hạn</source>
        <translation>unresolved files past their due date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hồ sơ đã trả cho công dân</source>
        <translation>files returned to citizens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chưa có hồ sơ giải quyết xong</source>
        <translation>no files completed yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}/{1} hồ sơ giải quyết đúng hạn</source>
        <translation>{0} of {1} completed on time</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã trả</source>
        <translation>Returned</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n thủ tục khác</source>
        <translation>
            <numerusform>%n other procedure</numerusform>
            <numerusform>%n other procedures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cán bộ khác</source>
        <translation>
            <numerusform>%n other clerk</numerusform>
            <numerusform>%n other clerks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiếp nhận và trả kết quả theo thủ tục</source>
        <translation>Received and returned by procedure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp nhận và trả kết quả theo cán bộ</source>
        <translation>Received and returned by clerk</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Đã chốt sổ lúc {0} bởi {1}</source>
        <translation>Closed at {0} by {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã chốt sổ lúc {0} ngày {1} bởi {2}</source>
        <translation>Closed at {0} on {1} by {2}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Không chốt sổ được: {0}</source>
        <translation>The day was not closed: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không chốt sổ được</source>
        <translation>The day was not closed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sổ theo dõi hồ sơ ngày {0}</source>
        <translation>File register for {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sổ theo dõi hồ sơ từ {0} đến {1}</source>
        <translation>File register from {0} to {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ngày bắt đầu của sổ theo dõi ở sau ngày kết thúc.</source>
        <translation>The register’s start date is after its end date.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mỗi lần chỉ in hoặc xuất sổ theo dõi tối đa {0} ngày; hãy chọn từng năm.</source>
        <translation>The register can be printed or exported for at most {0} days at a time; choose one year at a time.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu sổ theo dõi hồ sơ (PDF):</source>
        <translation>File register saved (PDF):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã lưu sổ theo dõi hồ sơ (Excel):</source>
        <translation>File register saved (Excel):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Không xuất được sổ theo dõi hồ sơ: {0}</source>
        <translation>Could not export the file register: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không xuất được sổ theo dõi hồ sơ</source>
        <translation>Could not export the file register</translation>
    </message>
</context>
<context>
    <name>DigitizeDialog</name>
    <message>
        <location filename="../../ui/digitize_dialog.py" line="+98"/>
        <source>Số hóa giấy tờ — hồ sơ đang tiếp nhận</source>
        <translation>Digitize papers — file being received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số hóa giấy tờ — hồ sơ {0}</source>
        <translation>Digitise documents — file {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+198"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>{0} dpi</source>
        <translation>{0} dpi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Xám</source>
        <translation>Grayscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chế độ màu khi quét và khi lưu PDF</source>
        <translation>Colour mode for scanning and for the saved PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quét (F6)</source>
        <translation>&amp;Scan (F6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quét bằng máy quét đã chọn; khay nạp giấy quét đến hết giấy</source>
        <translation>Scan with the selected scanner; the document feeder scans until it runs out of paper</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dừng quét</source>
        <translation>S&amp;top scanning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Máy ảnh… (F7)</source>
        <translation>&amp;Camera… (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp bằng máy ảnh tài liệu hoặc webcam</source>
        <translation>Capture with a document camera or webcam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nhập tệp… (Ctrl+O)</source>
        <translation>&amp;Import files… (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập ảnh (JPEG, PNG, TIFF, BMP) hoặc PDF; có thể kéo thả tệp vào đây</source>
        <translation>Import images (JPEG, PNG, TIFF, BMP) or PDFs; you can also drag and drop files here</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tệp PDF nhập vào được lưu nguyên như vậy; nhấp đúp để đổi tên</source>
        <translation>Imported PDF files are saved exactly as they are; double-click to rename</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF giữ nguyên:</source>
        <translation>PDF files kept as they are:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+315"/>
        <source>Kiểm tra chất lượng:</source>
        <translation>Quality check:</translation>
    </message>
    <message>
        <location line="-312"/>
        <source>&amp;Lưu vào hồ sơ (Ctrl+S)</source>
        <translation>Sa&amp;ve to file (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Xong (Ctrl+S)</source>
        <translation>&amp;Done (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Đang tìm máy quét…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không tìm thấy máy quét</source>
        <translation>No scanner found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có máy quét nào. Dùng máy ảnh tài liệu hoặc nhập tệp ảnh/PDF.</source>
        <translation>There is no scanner. Use the document camera or import image/PDF files.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khay nạp giấy</source>
        <translation>Document feeder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khay nạp, hai mặt</source>
        <translation>Document feeder, double-sided</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang quét…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang quét… đã có {0} trang</source>
        <translation>Scanning… pages so far: {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Đang dừng sau tờ đang quét…</source>
        <translation>Stopping after the current sheet…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã quét {0} trang rồi máy quét báo lỗi: {1}</source>
        <translation>Pages scanned: {0}; then the scanner reported an error: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã dừng: giữ {0} trang đã quét.</source>
        <translation>Stopped: the pages already scanned are kept ({0}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã quét {0} trang.</source>
        <translation>Pages scanned: {0}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã chụp {0} trang.</source>
        <translation>Pages captured: {0}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập ảnh hoặc PDF</source>
        <translation>Import images or PDFs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ảnh và PDF ({0})</source>
        <translation>Images and PDFs ({0})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Đã nhập {0} trang ảnh và {1} tệp PDF.</source>
        <translation>Imported — image pages: {0}; PDF files: {1}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nhập tệp</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} — {1} trang, lưu nguyên</source>
        <translation>{0} — pages: {1}; kept as it is</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF giữ nguyên ({0}):</source>
        <translation>PDF files kept as they are ({0}):</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>, trang {0}</source>
        <translation>, page {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trang trắng</source>
        <translation>blank page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>độ phân giải thấp ({0:.0f} dpi, cần từ 200 dpi)</source>
        <translation>low resolution ({0:.0f} dpi; at least 200 dpi needed)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trang bị nghiêng {0}°</source>
        <translation>page skewed {0}°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dung lượng lớn ({0} MB)</source>
        <translation>large file ({0} MB)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chưa có trang nào</source>
        <translation>no pages yet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không có cảnh báo.</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm tra chất lượng: {0} cảnh báo</source>
        <translation>Quality check — warnings: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chưa có trang hay tệp nào để lưu.</source>
        <translation>There are no pages or files to save yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn giấy tờ (tên tài liệu) cho mọi tài liệu trước khi lưu.</source>
        <translation>Choose from the checklist which paper each document is before saving.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đang tạo tệp PDF…</source>
        <translation>Creating the PDF file…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Kiểm tra chất lượng</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có {0} cảnh báo về chất lượng bản số hóa:</source>
        <translation>The digitised copy has quality warnings ({0}):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vẫn &amp;lưu</source>
        <translation>&amp;Save anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sửa lại</source>
        <translation>&amp;Go back and fix</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa lưu: sửa các trang có cảnh báo rồi lưu lại.</source>
        <translation>Not saved: fix the pages with warnings, then save again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã số hóa {0} tài liệu.</source>
        <translation>{0} document(s) digitized.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang lưu vào hồ sơ…</source>
        <translation>Saving to the file…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã lưu {0} tài liệu.</source>
        <translation>Documents saved: {0}.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Số hóa giấy tờ</source>
        <translation>Digitise documents</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../ui/page_editor.py" line="+313"/>
        <source>Nháy để chọn trang đầu của tài liệu này</source>
        <translation>Click to select the first page of this document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài liệu này là giấy tờ nào trong thành phần hồ sơ (Ctrl+G)</source>
        <translation>Which document on the file’s checklist this is (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tên giấy tờ…</source>
        <translation>Document name…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên của giấy tờ không có trong thành phần hồ sơ</source>
        <translation>The name of a document that is not on the file’s checklist</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>— Chọn giấy tờ —</source>
        <translation>— Choose document —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giấy tờ khác…</source>
        <translation>Other document…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trang {0}</source>
        <translation>page {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trang {0}–{1}</source>
        <translation>pages {0}–{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tài liệu {0}</source>
        <translation>Document {0}</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../ui/extension_dialog.py" line="+55"/>
        <source>Gia hạn hồ sơ {0}</source>
        <translation>Extend file {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hạn trả hiện tại: {0}. Mỗi hồ sơ chỉ được gia hạn một lần. Sau khi gia hạn, {1} được in để gửi công dân.</source>
        <translation>Current due date: {0}. A file can be extended only once. After the extension, {1} is printed for the citizen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ví dụ: cần xác minh thêm thông tin với cơ quan liên quan</source>
        <translation>e.g. details must be verified further with another agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm số &amp;ngày làm việc:</source>
        <translation>Add &amp;working days:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến ngày &amp;cụ thể:</source>
        <translation>On a specific &amp;date:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hạn mới là {0} giờ của ngày làm việc đã chọn.</source>
        <translation>The new due time is {0} on the chosen working day.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Lý do gia hạn:</source>
        <translation>&amp;Reason for extension:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hạn mới:</source>
        <translation>New due date:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gia hạn và in</source>
        <translation>Extend and print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Hãy ghi lý do gia hạn (được in trên văn bản xin lỗi).</source>
        <translation>Enter the reason for the extension (it is printed on the letter of apology).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lý do dài quá {0} ký tự.</source>
        <translation>The reason is longer than {0} characters.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hạn mới phải là một ngày làm việc, sau hạn trả hiện tại.</source>
        <translation>The new due date must be a working day after the current due date.</translation>
    </message>
</context>
<context>
    <name>FileAttachmentsPanel</name>
    <message>
        <location filename="../../ui/file_attachments_panel.py" line="+51"/>
        <location line="+112"/>
        <location line="+159"/>
        <source>Tài liệu số hóa</source>
        <translation>Digitised documents</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>Chưa có tài liệu số hóa. Quét, chụp hoặc nhập tệp bằng “Thêm tài liệu…”.</source>
        <translation>No digitised documents yet. Scan, capture or import files with “Add documents…”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem tài liệu đang chọn, in bản sao (Enter)</source>
        <translation>View the selected document or print a copy (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm tài liệu…</source>
        <translation>Add documents…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quét, chụp hoặc nhập tệp giấy tờ của hồ sơ (Ctrl+D)</source>
        <translation>Scan, capture or import the file’s documents (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Gỡ khỏi hồ sơ…</source>
        <translation>Re&amp;move from file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gỡ tài liệu đang chọn khỏi hồ sơ (Delete); tài liệu vẫn được lưu</source>
        <translation>Remove the selected document from the file (Delete); the document itself stays stored</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Trang đầu của tài liệu đang chọn (Enter: xem cả tài liệu)</source>
        <translation>First page of the selected document (Enter: view the whole document)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Tài liệu số hóa ({0})</source>
        <translation>Digitised documents ({0})</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Không xem trước được</source>
        <translation>No preview</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Gỡ tài liệu khỏi hồ sơ</source>
        <translation>Remove document from file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gỡ “{0}” khỏi hồ sơ {1}? Tài liệu vẫn được lưu và ghi nhật ký. Lý do:</source>
        <translation>Remove “{0}” from file {1}? The document stays stored and the removal is logged. Reason:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gỡ khỏi hồ sơ</source>
        <translation>&amp;Remove from file</translation>
    </message>
</context>
<context>
    <name>FileDocumentsTableModel</name>
    <message>
        <location filename="../../ui/file_documents_table_model.py" line="+26"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao CT</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chụp</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số thứ tự</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bản sao có chứng thực</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chụp, bản photo</source>
        <translation>Photocopies</translation>
    </message>
</context>
<context>
    <name>FileEventsTableModel</name>
    <message>
        <location filename="../../ui/file_events_table_model.py" line="+38"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú, lý do</source>
        <translation>Note or reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tiếp nhận, hồ sơ chưa đầy đủ: yêu cầu bổ sung</source>
        <translation>Received incomplete: supplement requested</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>File refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>File received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gia hạn thời gian giải quyết</source>
        <translation>Processing time extended</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nhận đủ hồ sơ bổ sung → {0}</source>
        <translation>Missing documents supplied → {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} → tạm dừng</source>
        <translation>{0} → paused</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/file_page.py" line="+171"/>
        <source>Ẩn</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ẩn thông báo này</source>
        <translation>Hide this message</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Mã hồ sơ (bôi đen để sao chép)</source>
        <translation>File code (select it to copy)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the file…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hồ sơ</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiếp nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn trả (biên nhận):</source>
        <translation>Due (on the receipt):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạn trả hiện tại:</source>
        <translation>Current due date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn giải quyết:</source>
        <translation>Processing time:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có kết quả:</source>
        <translation>Result ready:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả:</source>
        <translation>Returned:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sổ theo dõi:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số lượng:</source>
        <translation>Sets:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức nộp:</source>
        <translation>Submitted:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận kết quả:</source>
        <translation>Result delivery:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+384"/>
        <source>Chủ hồ sơ</source>
        <translation>File owner</translation>
    </message>
    <message>
        <location line="-382"/>
        <source>Người nộp hồ sơ</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thành phần hồ sơ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lệ phí và ghi chú</source>
        <translation>Fees and notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phí, lệ phí:</source>
        <translation>Fees:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trích yếu:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã &amp;nhận bổ sung…</source>
        <translation>&amp;Supplement received…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân đã nộp đủ giấy tờ bổ sung: tính lại hạn</source>
        <translation>The citizen has supplied the missing documents: the due date is recalculated</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển &amp;xử lý</source>
        <translation>Se&amp;nd for processing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bàn giao hồ sơ cho bộ phận giải quyết</source>
        <translation>Hand the file over to the processing department</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chờ nghĩa vụ tài &amp;chính…</source>
        <translation>Awaiting &amp;payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân cần thực hiện nghĩa vụ tài chính (nộp thuế, phí) trước khi có kết quả</source>
        <translation>The citizen must pay (taxes, fees) before the result is issued</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Yêu cầu bổ sung…</source>
        <translation>Re&amp;quest supplement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ chưa đầy đủ: ghi nội dung cần bổ sung và in phiếu yêu cầu</source>
        <translation>The file is incomplete: note what must be supplied and print the request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có &amp;kết quả</source>
        <translation>Res&amp;ult ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bộ phận giải quyết đã trả kết quả về bộ phận một cửa</source>
        <translation>The processing department has sent the result back to the one-stop counter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gi&amp;a hạn…</source>
        <translation>&amp;Extend…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+371"/>
        <source>Gia hạn thời gian giải quyết một lần và in văn bản xin lỗi</source>
        <translation>Extend the processing time (once only) and print the letter of apology</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>T&amp;rả kết quả…</source>
        <translation>Re&amp;turn the result…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Công dân đã nhận kết quả: kết thúc hồ sơ</source>
        <translation>The citizen has received the result: the file is closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối t&amp;iếp nhận…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ không đủ điều kiện tiếp nhận: in phiếu từ chối</source>
        <translation>The file cannot be accepted: print the refusal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Công dân rút hồ &amp;sơ…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân yêu cầu rút hồ sơ: kết thúc hồ sơ</source>
        <translation>The citizen withdraws the file: the file is closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dừng xử lý…</source>
        <translation>St&amp;op processing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dừng giải quyết hồ sơ: kết thúc hồ sơ</source>
        <translation>Stop processing the file: the file is closed</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hồ sơ đã kết thúc: không còn thao tác nào.</source>
        <translation>The file is closed: no actions remain.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>In &amp;lại</source>
        <translation>Print a&amp;gain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lại giấy tờ của hồ sơ (Ctrl+P: giấy tiếp nhận)</source>
        <translation>Print the file’s forms again (Ctrl+P: the receipt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tải lại hồ sơ (F5)</source>
        <translation>Reload the file (F5)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Không tìm thấy hồ sơ {0}.</source>
        <translation>File {0} not found.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không mở được hồ sơ: {0}</source>
        <translation>Could not open the file: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không mở được hồ sơ</source>
        <translation>Could not open the file</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0}  ·  mã thủ tục {1}</source>
        <translation>{0}  ·  procedure code {1}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0}, {1}</source>
        <translation>{0}, by {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} bộ</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quyển {0}/{1}, số thứ tự {2}</source>
        <translation>Book {0}/{1}, entry {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Qua bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tại bộ phận một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tạm dừng — chờ công dân bổ sung hồ sơ</source>
        <translation>Paused — awaiting the citizen’s documents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} (đã gia hạn, hẹn cũ {1})</source>
        <translation>{0} (extended; originally {1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trong ngày (nhận trước {0})</source>
        <translation>Same day (if received before {0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} giờ làm việc</source>
        <translation>{0} working hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ngày làm việc</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chủ hồ sơ, người nộp</source>
        <translation>File owner and submitter</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>chưa quy định</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>miễn phí</source>
        <translation>free of charge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tổng cộng: {0}</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thu phí</source>
        <translation>No fees</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Hồ sơ đã được gia hạn một lần; pháp luật chỉ cho phép gia hạn một lần.</source>
        <translation>The file has already been extended; the law allows only one extension.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã gia hạn một lần — không thể gia hạn thêm.</source>
        <translation>Already extended once — it cannot be extended again.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Hồ sơ sẽ kết thúc và không thể chuyển sang trạng thái khác.</source>
        <translation>The file will be closed and its status can no longer change.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sau khi lưu, {0} được in.</source>
        <translation>After saving, {0} is printed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Receive missing documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Công dân đã nộp đủ giấy tờ bổ sung cho hồ sơ {0}. Thời hạn giải quyết được tính lại từ bây giờ. {1}</source>
        <translation>The citizen has supplied all missing documents for file {0}. The processing time restarts now. {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xác nhận đã nhận</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giấy tờ đã nhận bổ sung (không bắt buộc):</source>
        <translation>&amp;Documents received (optional):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ {0} chờ công dân thực hiện nghĩa vụ tài chính (thuế, phí, lệ phí) trước khi trả kết quả.</source>
        <translation>File {0} is waiting for the citizen to pay (taxes, charges, fees) before the result is returned.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nghĩa vụ cần thực hiện (không bắt buộc):</source>
        <translation>&amp;Payments due (optional):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yêu cầu bổ sung hồ sơ</source>
        <translation>Request missing documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ {0} chưa đầy đủ. Thời hạn giải quyết tạm dừng đến khi công dân nộp đủ giấy tờ. {1}</source>
        <translation>File {0} is incomplete. The processing time is paused until the citizen supplies the documents. {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nội dung cần bổ sung, hoàn thiện:</source>
        <translation>&amp;What must be supplied or completed:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ví dụ: Bản sao giấy chứng sinh; tờ khai chưa có chữ ký người yêu cầu</source>
        <translation>e.g. A copy of the birth certificate; the application form lacks the applicant’s signature</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trả kết quả</source>
        <translation>Return the result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xác nhận công dân đã nhận kết quả của hồ sơ {0}.</source>
        <translation>Confirm that the citizen has received the result of file {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ghi chú (không bắt buộc):</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse the file</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Từ chối tiếp nhận giải quyết hồ sơ {0}. {1}</source>
        <translation>Refuse to accept file {0}. {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lý do từ chối:</source>
        <translation>&amp;Reason for refusal:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdraw the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân yêu cầu rút hồ sơ {0}. {1}</source>
        <translation>The citizen asks to withdraw file {0}. {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lý do (không bắt buộc):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dừng xử lý hồ sơ</source>
        <translation>Stop processing the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng giải quyết hồ sơ {0}. {1}</source>
        <translation>Stop processing file {0}. {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng xử lý</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lý do dừng:</source>
        <translation>&amp;Reason for stopping:</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+46"/>
        <source>Không gia hạn được</source>
        <translation>Could not extend the file</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>văn bản xin lỗi</source>
        <translation>the letter of apology</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Không chuyển được trạng thái hồ sơ</source>
        <translation>Could not change the file’s status</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Không in được giấy tiếp nhận</source>
        <translation>Could not print the receipt</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../ui/files_page.py" line="+67"/>
        <source>Mã hồ sơ, số định danh, số điện thoại hoặc họ tên (không cần dấu) — Ctrl+F</source>
        <translation>File code, ID number, phone number or name (diacritics optional) — Ctrl+F</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tất cả trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tất cả thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>từ ngày</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tất cả</source>
        <translation>All</translation>
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
        <source>Sắp đến hạn (2 ngày tới)</source>
        <translation>Due soon (next 2 days)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tất cả cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xóa bộ &amp;lọc</source>
        <translation>C&amp;lear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ mọi bộ lọc và nội dung tìm kiếm (Alt+L)</source>
        <translation>Clear every filter and the search text (Alt+L)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Màu của cột Hẹn trả và Tiến độ: đỏ quá hạn, cam đến hạn hôm nay, tím tạm dừng chờ bổ sung, xanh lá đã xong đúng hạn hoặc trước hạn.</source>
        <translation>Colours in the Due and Timeliness columns: red overdue, orange due today, purple paused awaiting documents, green completed on time or early.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tì&amp;m:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>T&amp;rạng thái:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thủ tụ&amp;c:</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nhận:</source>
        <translation>&amp;Received:</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Hạn &amp;xử lý:</source>
        <translation>D&amp;ue:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cán &amp;bộ:</source>
        <translation>&amp;Clerk:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Chờ bổ sung</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xong đúng hạn</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Không tải được danh mục thủ tục</source>
        <translation>Could not load the procedure catalogue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tải được danh sách cán bộ</source>
        <translation>Could not load the list of clerks</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>{0} hồ sơ</source>
        <translation>Files: {0}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Hơn {0} hồ sơ (đang đếm…)</source>
        <translation>Files: over {0} (counting…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — đang tải thêm…</source>
        <translation> — loading more…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tải được danh sách hồ sơ</source>
        <translation>Could not load the file list</translation>
    </message>
</context>
<context>
    <name>FilesTableModel</name>
    <message>
        <location filename="../../ui/files_table_model.py" line="+75"/>
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
    <message>
        <location line="+72"/>
        <source>Bấm để sắp xếp theo cột này; bấm lần nữa để đảo chiều</source>
        <translation>Click to sort by this column; click again to reverse the order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không sắp xếp được theo cột này</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Hẹn trả {0} — {1}</source>
        <translation>Due {0} — {1}</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start_dialog.py" line="+31"/>
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
        <location line="+5"/>
        <source>Họ và tên người quản trị</source>
        <translation>Administrator’s full name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
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
        <location line="+1"/>
        <source>Tài khoản quản trị đầu tiên</source>
        <translation>First administrator account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Confirm password:</translation>
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
        <location line="+12"/>
        <source>Chưa có tài khoản nào. Kiểm tra thông tin cơ quan và tạo tài khoản quản trị đầu tiên.</source>
        <translation>There are no accounts yet. Check the agency details and create the first administrator account.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy này chưa được thiết lập. Nhập thông tin cơ quan tiếp nhận và tài khoản quản trị.</source>
        <translation>This computer is not set up yet. Enter the receiving agency’s details and the administrator account.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cần nhập tên đăng nhập của người quản trị.</source>
        <translation>Enter the administrator’s user name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần nhập họ và tên người quản trị.</source>
        <translation>Enter the administrator’s full name.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location line="-19"/>
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
    <name>HolidayDaysTableModel</name>
    <message>
        <location filename="../../ui/holiday_days_table_model.py" line="+32"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tên ngày / lý do</source>
        <translation>Name / reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <location filename="../../ui/settings_calendar_tab.py" line="+67"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ví dụ: Thông báo số …/TB-LĐTBXH ngày …</source>
        <translation>e.g. Notice No. …/TB-LĐTBXH of …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Văn bản &amp;quy định:</source>
        <translation>Governing &amp;document:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Thêm ngày nghỉ</source>
        <translation>&amp;Add day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa ngày nghỉ</source>
        <translation>Remove day off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm ngày làm &amp;bù</source>
        <translation>Add &amp;make-up day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa ngày làm bù</source>
        <translation>Remove make-up day</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ngày nghỉ lễ, Tết</source>
        <translation>Public holidays and Tết</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ngày làm việc bù (thứ Bảy, Chủ nhật)</source>
        <translation>Make-up working days (Saturdays, Sundays)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nhập từ tệp…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lưu bảng ngày nghỉ</source>
        <translation>&amp;Save holiday table</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ghi đủ từng ngày của mỗi đợt nghỉ (kể cả thứ Bảy, Chủ nhật trong đợt). Sửa ngày hoặc tên bằng cách nháy đúp (hoặc F2) vào ô. Thời hạn của hồ sơ tiếp nhận sau khi lưu sẽ tính theo bảng mới.</source>
        <translation>List every day of each holiday period (including its Saturdays and Sundays). Double-click a cell (or press F2) to change a date or name. Files received after saving have their deadlines worked out with the new table.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Ngày nghỉ lễ</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng ngày nghỉ năm {0} có thay đổi chưa lưu. Bỏ các thay đổi đó?</source>
        <translation>The holiday table for {0} has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Năm {0}: theo bảng ngày nghỉ chính thức đã lưu.</source>
        <translation>{0}: the saved official holiday table applies.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Năm {0}: chưa có bảng chính thức — các ngày nghỉ được tính theo Bộ luật Lao động (Điều 112). Lưu để dùng bảng này làm bảng chính thức.</source>
        <translation>{0}: no official table yet — holidays follow the Labour Code (Article 112). Save to make this the official table.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Ngày {0} không thuộc năm {1}.</source>
        <translation>{0} is not in {1}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần ghi tên (lý do) cho ngày {0}.</source>
        <translation>Enter a name (reason) for {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày {0} được ghi hai lần.</source>
        <translation>{0} is listed twice.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày {0} vừa là ngày nghỉ vừa là ngày làm bù.</source>
        <translation>{0} is listed both as a day off and as a make-up day.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày làm bù {0} không phải thứ Bảy hay Chủ nhật.</source>
        <translation>Make-up day {0} is not a Saturday or a Sunday.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Bảng ngày nghỉ chưa hợp lệ: {0}</source>
        <translation>The holiday table is not valid: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã lưu bảng ngày nghỉ năm {0}: {1} ngày nghỉ, {2} ngày làm bù.</source>
        <translation>Holiday table for {0} saved. Days off: {1}; make-up days: {2}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nhập bảng ngày nghỉ</source>
        <translation>Import holiday table</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bảng ngày nghỉ (*.json)</source>
        <translation>Holiday table (*.json)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã nhập bảng ngày nghỉ năm {0}: {1} ngày nghỉ, {2} ngày làm bù.</source>
        <translation>Holiday table for {0} imported. Days off: {1}; make-up days: {2}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tệp không phải bảng ngày nghỉ hợp lệ: {0}</source>
        <translation>The file is not a valid holiday table: {0}</translation>
    </message>
</context>
<context>
    <name>IntakeDocuments</name>
    <message>
        <location filename="../../ui/intake_documents.py" line="+59"/>
        <source>Số hó&amp;a giấy tờ… (F6)</source>
        <translation>Di&amp;gitize papers… (F6)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quét, chụp hoặc nhập tệp giấy tờ công dân nộp; lưu cùng hồ sơ khi bấm Lưu</source>
        <translation>Scan, photograph or import the citizen’s papers; they are stored with the file on Save</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+101"/>
        <source>Bỏ bản số</source>
        <translation>Discard digitized copies</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Bỏ các tài liệu vừa số hóa (chưa lưu) để làm lại</source>
        <translation>Discard the documents just digitized (not saved yet) to start again</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giấy tờ đã số hóa ở hồ sơ trước (đánh dấu để dùng lại, công dân không phải nộp lại):</source>
        <translation>Papers digitized for an earlier file (tick to reuse; the citizen need not hand them in again):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phím cách: dùng lại / bỏ dùng lại</source>
        <translation>Space: reuse / do not reuse</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Giấy tờ đã số hóa</source>
        <translation>Digitized papers</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Bỏ {0} tài liệu vừa số hóa (chưa lưu)?</source>
        <translation>Discard the {0} document(s) just digitized (not saved yet)?</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Tài liệu “{0}” của hồ sơ {1}</source>
        <translation>Document “{0}” of file {1}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{0} — hồ sơ {1}, {2}, {3} trang</source>
        <translation>{0} — file {1}, {2}, {3} page(s)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã số hóa {0} tài liệu: {1}</source>
        <translation>{0} document(s) digitized: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa số hóa giấy tờ nào.</source>
        <translation>No paper digitized yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dùng lại {0} tài liệu.</source>
        <translation>{0} document(s) reused.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intake_page.py" line="+117"/>
        <source>Chủ hồ sơ</source>
        <translation>File owner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người &amp;nộp hồ sơ không phải chủ hồ sơ</source>
        <translation>The submitter is no&amp;t the file’s owner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Người đến quầy nộp thay (được ủy quyền, người thân); chủ hồ sơ là người có tên trên hồ sơ</source>
        <translation>Someone submits on the owner’s behalf (an authorised person, a relative); the owner is the person named on the file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Người nộp hồ sơ (người đến quầy)</source>
        <translation>Submitter (the person at the counter)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hồ sơ đã nộp trước đây</source>
        <translation>Previous files</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Thủ tục</source>
        <translation>Pro&amp;cedure</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Thành &amp;phần hồ sơ</source>
        <translation>Doc&amp;uments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nhận đủ giấy tờ &amp;bắt buộc</source>
        <translation>All re&amp;quired received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đánh dấu đã nhận mọi giấy tờ bắt buộc</source>
        <translation>Tick every required document as received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm giấy tờ &amp;khác</source>
        <translation>Add &amp;other document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm giấy tờ công dân nộp không có trong danh mục (Delete để bỏ dòng đã thêm)</source>
        <translation>Add a document the citizen handed in that is not on the checklist (Delete removes an added line)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số trang mỗi bản</source>
        <translation>Pages per copy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số bộ hồ sơ</source>
        <translation>Sets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức t&amp;rả kết quả</source>
        <translation>Result deli&amp;very</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Lưu và in biên nhận (Ctrl+S)</source>
        <translation>&amp;Save and print receipt (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ chưa đầ&amp;y đủ…</source>
        <translation>Inco&amp;mplete…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu hồ sơ chờ bổ sung và in Phiếu yêu cầu bổ sung (Mẫu 02)</source>
        <translation>Save the file as awaiting documents and print the supplement request (Form 02)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối t&amp;iếp nhận…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu hồ sơ bị từ chối và in Phiếu từ chối (Mẫu 03)</source>
        <translation>Save the file as refused and print the refusal (Form 03)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lại (Ctrl+P)</source>
        <translation>Print again (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lại giấy tờ của hồ sơ vừa lưu</source>
        <translation>Print the form of the file just saved again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ &amp;mới (Ctrl+N)</source>
        <translation>Ne&amp;w file (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xóa màn hình cho công dân tiếp theo; Ctrl+Shift+N: hồ sơ khác cho cùng người nộp</source>
        <translation>Clear the screen for the next citizen; Ctrl+Shift+N: another file for the same people</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+705"/>
        <source>Ctrl+N: tiếp nhận hồ sơ mới · Ctrl+Shift+N: hồ sơ khác cho cùng người nộp · Ctrl+P: in lại</source>
        <translation>Ctrl+N: new file · Ctrl+Shift+N: another file for the same people · Ctrl+P: print again</translation>
    </message>
    <message>
        <location line="-701"/>
        <source>Mở hồ sơ</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phí, lệ phí và trả kết quả</source>
        <translation>Fees and return of the result</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>{0}: {1} hồ sơ, hiện {2} hồ sơ gần nhất.</source>
        <translation>{0} — previous files: {1}; the latest {2} are shown.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: {1} hồ sơ.</source>
        <translation>{0} — previous files: {1}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: đã có thông tin, chưa có hồ sơ nào.</source>
        <translation>{0}: details on record, no files yet.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Chọn thủ tục để xem thành phần hồ sơ, thời hạn giải quyết và lệ phí.</source>
        <translation>Choose a procedure to see its documents, processing time and fees.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>; tối đa {0} nếu phải xác minh</source>
        <translation>; up to {0} if verification is needed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lĩnh vực: {0} · Mã: {1}</source>
        <translation>Field: {0} · Code: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thời hạn giải quyết: {0}</source>
        <translation>Processing time: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hẹn trả kết quả (nếu tiếp nhận bây giờ): &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Due (if received now): &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>trong ngày (tiếp nhận sau {0} thì trả trong ngày làm việc tiếp theo)</source>
        <translation>same day (if received after {0}, the next working day)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} giờ làm việc</source>
        <translation>{0} working hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ngày làm việc</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chưa nhận giấy tờ bắt buộc: {0}</source>
        <translation>Required documents not received: {0}</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Lệ phí: không có</source>
        <translation>Fees: none</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lệ phí: —</source>
        <translation>Fees: —</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>theo mức thu do HĐND tỉnh quy định</source>
        <translation>at the rate set by the provincial People’s Council</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>miễn</source>
        <translation>free</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tổng cộng: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Total: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Thiếu: {0}.</source>
        <translation>Missing: {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ chưa đầy đủ</source>
        <translation>Incomplete file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy tờ, nội dung công dân cần bổ sung, hoàn thiện (in trên Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — Mẫu 02):</source>
        <translation>Documents or details the citizen must supply or complete (printed on the request to supplement the file — Form 02):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu và in phiếu bổ sung</source>
        <translation>Save and print the request</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do từ chối tiếp nhận (in trên Phiếu từ chối tiếp nhận giải quyết hồ sơ — Mẫu 03):</source>
        <translation>Reason for refusal (printed on the refusal notice — Form 03):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu và in phiếu từ chối</source>
        <translation>Save and print the refusal</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Giấy tờ chưa số hóa</source>
        <translation>Papers not digitized</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} giấy tờ đã nhận chưa được số hóa:</source>
        <translation>{0} paper(s) received but not digitized:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giấy tờ phải được số hóa khi tiếp nhận. Lưu mà không số hóa sẽ được ghi lại.</source>
        <translation>Papers must be digitized on receipt. Saving without digitizing them is recorded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số &amp;hóa ngay (F6)</source>
        <translation>&amp;Digitize now (F6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vẫn lưu và in biên nhận</source>
        <translation>Save and &amp;print the receipt anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quay lại</source>
        <translation>&amp;Go back</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Đã tiếp nhận hồ sơ. Mã hồ sơ:</source>
        <translation>File received. File code:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hẹn trả kết quả: &lt;b&gt;{0}&lt;/b&gt; · {1}</source>
        <translation>Due: &lt;b&gt;{0}&lt;/b&gt; · {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} tài liệu số hóa</source>
        <translation>{0} digitized document(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu hồ sơ chưa đầy đủ (chờ bổ sung). Mã hồ sơ:</source>
        <translation>Incomplete file saved (awaiting documents). File code:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã lưu hồ sơ bị từ chối tiếp nhận. Mã hồ sơ:</source>
        <translation>Refused file saved. File code:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and result appointment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang in: {0}…</source>
        <translation>Printing: {0}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã lưu tệp PDF: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã gửi tới máy in {0}.</source>
        <translation>Sent to printer {0}.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có thủ tục này trong danh mục.</source>
        <translation>This procedure is not in the catalogue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thủ tục này không có quy định đang có hiệu lực hôm nay.</source>
        <translation>This procedure has no rules in force today.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đánh dấu đã nhận (phím cách) các giấy tờ bắt buộc ở trên, hoặc chọn “Hồ sơ chưa đầy đủ”.</source>
        <translation>Tick the required documents above as received (Space), or choose “Incomplete”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập tên cho giấy tờ đã thêm.</source>
        <translation>Enter a name for the added document.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy tờ “{0}” chưa có số bản nào.</source>
        <translation>No copies entered for the document “{0}”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đánh dấu ít nhất một giấy tờ đã nhận.</source>
        <translation>Tick at least one document as received.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh không đúng (dd/mm/yyyy, không ở tương lai).</source>
        <translation>Invalid date of birth (dd/mm/yyyy, not in the future).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn giới tính.</source>
        <translation>Choose the sex.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số điện thoại không đúng (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84).</source>
        <translation>Invalid phone number (10 or 11 digits, starting with 0 or +84).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập số định danh cá nhân (12 chữ số) hoặc số CMND cũ (9 chữ số).</source>
        <translation>Enter the personal ID number (12 digits) or the old ID card number (9 digits).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số CMND cũ phải có 9 chữ số.</source>
        <translation>An old ID card number has 9 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ thư điện tử không đúng.</source>
        <translation>Invalid e-mail address.</translation>
    </message>
</context>
<context>
    <name>LanguageTab</name>
    <message>
        <location filename="../../ui/settings_printing_tab.py" line="+205"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ngôn ngữ mới được áp dụng từ lần mở ứng dụng sau. Giấy tờ in ra (biên nhận, phiếu, sổ) luôn bằng tiếng Việt.</source>
        <translation>The new language applies from the next start of the application. Printed documents (receipts, notices, registers) are always in Vietnamese.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đã lưu. Giao diện sẽ dùng tiếng Việt từ lần mở sau.</source>
        <translation>Saved. The interface will be in Vietnamese from the next start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu. Giao diện sẽ dùng tiếng Anh từ lần mở sau (the interface will be in English from the next start).</source>
        <translation>Saved. The interface will be in English from the next start.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/lock_dialog.py" line="+96"/>
        <source>Màn hình đã khóa — MotCua Desk</source>
        <translation>Screen locked — MotCua Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang đăng nhập: {0} ({1})</source>
        <translation>Logged in: {0} ({1})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập mật khẩu của tài khoản này để làm việc tiếp. Người khác muốn dùng máy thì bấm Đăng xuất.</source>
        <translation>Enter this account’s password to carry on working. If someone else wants to use the computer, click Log out.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng &amp;xuất</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Màn hình đang khóa: mã QR vừa quét không được dùng (không tính là nhập sai mật khẩu). Mở khóa rồi quét lại.</source>
        <translation>The screen is locked: the QR code just scanned was not used (it does not count as a wrong password). Unlock, then scan it again.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tài khoản này đã bị ngừng sử dụng.</source>
        <translation>This account has been disabled.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sai mật khẩu, hoặc tài khoản đã bị khóa.</source>
        <translation>Wrong password, or the account is locked.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+43"/>
        <source>Đăng nhập — MotCua Desk</source>
        <translation>Log in — MotCua Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tên đăng nhập</source>
        <translation>user name</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.</source>
        <translation>Wrong user name or password, or the account is locked.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+70"/>
        <source>MotCua Desk — {0}</source>
        <translation>MotCua Desk — {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tiếp nhận hồ sơ (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách hồ sơ (F3)</source>
        <translation>File list (F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổng hợp (F4)</source>
        <translation>Daily summary (F4)</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>Sao lưu hằng ngày không thành công: {0}</source>
        <translation>The daily backup failed: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chương trình sẽ thử lại ở lần mở sau. Báo quản trị viên nếu lỗi này lặp lại.</source>
        <translation>The application will try again the next time it opens. Tell an administrator if this happens again.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0} ({1}) — {2}, máy trạm {3}</source>
        <translation>{0} ({1}) — {2}, workstation {3}</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng bộ dữ liệu với trung tâm</source>
        <translation>Sync with the centre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hồ sơ</source>
        <translation>F&amp;iles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận hồ sơ mới</source>
        <translation>New intake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách hồ sơ</source>
        <translation>File list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở hồ sơ theo mã…</source>
        <translation>Open file by code…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng hồ sơ đang mở</source>
        <translation>Close the open file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tổng &amp;hợp</source>
        <translation>&amp;Daily summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng hợp trong ngày</source>
        <translation>Daily summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhật ký hệ thống</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quản trị</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Nhật ký hệ thống (F9)</source>
        <translation>Audit log (F9)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Vai trò của tài khoản đã đổi thành {0}. Đăng xuất rồi đăng nhập lại để dùng các chức năng mới.</source>
        <translation>The account’s role was changed to {0}. Log out and log in again to use the new functions.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vai trò của tài khoản đã đổi thành {0}.</source>
        <translation>The account’s role was changed to {0}.</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Đồng bộ (F8)</source>
        <translation>Sync (F8)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Không đọc được mã biên nhận</source>
        <translation>Could not read the receipt code</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>F2  Tiếp nhận hồ sơ mới
F3  Danh sách hồ sơ
F4  Tổng hợp trong ngày (lãnh đạo)
F8  Đồng bộ dữ liệu với trung tâm
F9  Nhật ký hệ thống (lãnh đạo)
Ctrl+O  Mở hồ sơ theo mã
Ctrl+W  Đóng hồ sơ đang mở
Ctrl+F  Tìm hồ sơ
Ctrl+S, Ctrl+Enter  Lưu hồ sơ đang tiếp nhận và in biên nhận
Ctrl+N  Tiếp nhận hồ sơ mới (công dân tiếp theo)
Ctrl+Shift+N  Hồ sơ khác cho cùng người nộp
Ctrl+P  In lại biên nhận (trang Tổng hợp: in sổ theo dõi)
F5  Tải lại
Quét mã QR trên giấy biên nhận ở bất kỳ đâu để mở hồ sơ.</source>
        <translation>F2  New intake
F3  File list
F4  Daily summary (supervisors)
F8  Sync with the centre
F9  Audit log (supervisors)
Ctrl+O  Open a file by its code
Ctrl+W  Close the open file
Ctrl+F  Search files
Ctrl+S, Ctrl+Enter  Save the file being received and print the receipt
Ctrl+N  New intake (next citizen)
Ctrl+Shift+N  Another file for the same people
Ctrl+P  Print the receipt again (Daily summary page: print the register)
F5  Reload
Scan the QR code on a receipt anywhere to open its file.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Không tìm thấy hồ sơ</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ {0} trên giấy biên nhận không có trong dữ liệu của máy này.</source>
        <translation>File {0} on the receipt is not in this computer’s data.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chữ ký trên mã QR của giấy biên nhận không hợp lệ: giấy biên nhận có thể đã bị sửa hoặc không do cơ quan này cấp.</source>
        <translation>The signature in the receipt’s QR code is not valid: the receipt may have been altered or not issued by this agency.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mở hồ sơ</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã hồ sơ:</source>
        <translation>File code:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không mở được hồ sơ</source>
        <translation>Could not open the file</translation>
    </message>
</context>
<context>
    <name>OfficeHoursTab</name>
    <message>
        <location filename="../../ui/settings_hours_tab.py" line="+45"/>
        <source>Làm việc &amp;buổi chiều</source>
        <translation>&amp;Work in the afternoon</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Buổi &amp;sáng: từ</source>
        <translation>&amp;Morning: from</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Buổi &amp;chiều: từ</source>
        <translation>&amp;Afternoon: from</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Giờ làm việc hằng ngày</source>
        <translation>Daily working hours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Giờ làm việc dùng để tính thời hạn giải quyết của các thủ tục tính theo giờ hoặc trả trong ngày, và giờ hẹn trả trên biên nhận. Hồ sơ đã tiếp nhận giữ nguyên thời hạn đã hẹn.</source>
        <translation>Working hours are used to work out the deadlines of procedures counted in hours or returned the same day, and the due time on receipts. Files already received keep the due dates they were given.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lưu giờ làm việc</source>
        <translation>&amp;Save working hours</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tổng cộng {0} giờ làm việc mỗi ngày ({1}).</source>
        <translation>Working hours a day in total: {0} ({1}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Giờ kết thúc buổi sáng phải sau giờ bắt đầu.</source>
        <translation>The morning must end after it starts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buổi chiều phải bắt đầu sau khi hết buổi sáng.</source>
        <translation>The afternoon must start after the morning ends.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giờ kết thúc buổi chiều phải sau giờ bắt đầu.</source>
        <translation>The afternoon must end after it starts.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã lưu giờ làm việc: {0}.</source>
        <translation>Working hours saved: {0}.</translation>
    </message>
</context>
<context>
    <name>PageDelegate</name>
    <message>
        <location filename="../../ui/page_editor.py" line="-255"/>
        <source>chưa chọn giấy tờ</source>
        <translation>no document chosen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đang tạo ảnh…</source>
        <translation>Creating preview…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Trang {0}  ({1}/{2})</source>
        <translation>Page {0}  ({1}/{2})</translation>
    </message>
</context>
<context>
    <name>PageEditor</name>
    <message>
        <location line="+244"/>
        <source>Chưa có trang nào. Quét, chụp hoặc nhập tệp ảnh/PDF để thêm trang vào đây.</source>
        <translation>No pages yet. Scan, capture or import image/PDF files to add pages here.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;b&gt;Tài liệu&lt;/b&gt; (Ctrl+G: chọn giấy tờ)</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt; (Ctrl+G: choose document)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mỗi tài liệu là một giấy tờ của hồ sơ. Tách các trang thành tài liệu bằng Ctrl+T.</source>
        <translation>Each document is one of the file’s papers. Split the pages into documents with Ctrl+T.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Kéo thả trang để sắp xếp (hoặc Ctrl+←/→). Enter hoặc nháy đúp: xem và cắt trang. Chọn nhiều trang bằng Ctrl/Shift.</source>
        <translation>Drag and drop pages to reorder them (or Ctrl+←/→). Enter or double-click: view and crop a page. Select several pages with Ctrl/Shift.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Xoay trái</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoay trang 90° ngược chiều kim đồng hồ (Ctrl+L)</source>
        <translation>Rotate the page 90° anticlockwise (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xoay phải</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xoay trang 90° theo chiều kim đồng hồ (Ctrl+R)</source>
        <translation>Rotate the page 90° clockwise (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cắt…</source>
        <translation>Crop…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cắt bớt lề trang (Ctrl+K; Enter hoặc nháy đúp cũng mở)</source>
        <translation>Trim the page’s margins (Ctrl+K; Enter or double-click also opens it)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa các trang đang chọn (Delete)</source>
        <translation>Delete the selected pages (Delete)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>◀ Lên trước</source>
        <translation>◀ Move earlier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển trang lên trước (Ctrl+← hoặc Alt+↑); ở đầu tài liệu: sang tài liệu trước</source>
        <translation>Move the page earlier (Ctrl+← or Alt+↑); at the start of a document: into the previous document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ra sau ▶</source>
        <translation>Move later ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển trang ra sau (Ctrl+→ hoặc Alt+↓); ở cuối tài liệu: sang tài liệu sau</source>
        <translation>Move the page later (Ctrl+→ or Alt+↓); at the end of a document: into the next document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tách tài liệu ở đây</source>
        <translation>Split document here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt đầu một tài liệu mới từ trang đang chọn (Ctrl+T)</source>
        <translation>Start a new document at the selected page (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gộp với tài liệu trước</source>
        <translation>Merge with previous document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nối tài liệu của trang đang chọn vào tài liệu trước nó (Ctrl+Shift+T)</source>
        <translation>Join the selected page’s document to the document before it (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn giấy tờ</source>
        <translation>Choose document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn giấy tờ cho tài liệu của trang đang chọn (Ctrl+G)</source>
        <translation>Choose which checklist document the selected page belongs to (Ctrl+G)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Giấy tờ khác</source>
        <translation>Other document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài liệu {0}</source>
        <translation>Document {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+141"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n tài liệu</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n tài liệu chưa chọn giấy tờ</source>
        <translation>
            <numerusform>%n with no document chosen</numerusform>
            <numerusform>%n with no document chosen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../ui/page_list_model.py" line="+139"/>
        <source>Trang {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Giấy tờ khác</source>
        <translation>Other document</translation>
    </message>
    <message>
        <location line="+326"/>
        <source>Trang {0} — tài liệu {1}, trang {2}/{3}</source>
        <translation>Page {0} — document {1}, page {2}/{3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} × {1} điểm ảnh, khoảng {2} dpi</source>
        <translation>{0} × {1} pixels, about {2} dpi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã xoay {0}°</source>
        <translation>Rotated {0}°</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã cắt</source>
        <translation>Cropped</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trang trắng (có thể là mặt sau không có chữ)</source>
        <translation>Blank page (possibly a reverse side with nothing on it)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Độ phân giải thấp: khoảng {0} dpi</source>
        <translation>Low resolution: about {0} dpi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trang bị nghiêng {0}°</source>
        <translation>Page skewed by {0}°</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/user_dialog.py" line="+156"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu &amp;mới:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt mật khẩu</source>
        <translation>Set password</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/person_form.py" line="+32"/>
        <source>Chưa nhập số định danh cá nhân.</source>
        <translation>No personal ID number entered.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh chỉ gồm các chữ số 0–9.</source>
        <translation>An ID number contains only the digits 0–9.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh cá nhân có 12 chữ số (CMND cũ: 9 chữ số); số vừa nhập có {0} chữ số.</source>
        <translation>A personal ID number has 12 digits (an old ID card number 9); this one has {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ba chữ số đầu ({0}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh.</source>
        <translation>The first three digits ({0}) are not the code of a province or city where births are registered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số định danh cho năm sinh {0}, muộn hơn năm hiện tại: kiểm tra lại các chữ số.</source>
        <translation>The ID number gives {0} as the year of birth, which is after this year: check the digits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đây là số CMND cũ (9 chữ số); cần số định danh cá nhân 12 chữ số.</source>
        <translation>This is an old 9-digit ID card number; a 12-digit personal ID number is needed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mã vừa quét không phải mã QR trên thẻ căn cước (thiếu trường thông tin).</source>
        <translation>The code just scanned is not the QR code of an ID card (fields are missing).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số định danh trong mã QR của thẻ không hợp lệ.</source>
        <translation>The ID number in the card’s QR code is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số CMND cũ trong mã QR của thẻ không hợp lệ.</source>
        <translation>The old ID card number in the card’s QR code is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã QR của thẻ không có họ tên.</source>
        <translation>The card’s QR code has no name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày tháng trong mã QR của thẻ không hợp lệ.</source>
        <translation>A date in the card’s QR code is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh trong mã QR của thẻ ở tương lai.</source>
        <translation>The date of birth in the card’s QR code is in the future.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính trong mã QR của thẻ không phải Nam hoặc Nữ.</source>
        <translation>The sex in the card’s QR code is neither Nam (male) nor Nữ (female).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày cấp trong mã QR của thẻ trước ngày sinh: thẻ hoặc mã không hợp lệ.</source>
        <translation>The issue date in the card’s QR code is before the date of birth: the card or the code is not valid.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Giới tính ghi trên thẻ khác với giới tính theo số định danh: đề nghị kiểm tra lại.</source>
        <translation>The sex on the card differs from the sex the ID number encodes: please check.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Năm sinh ghi trên thẻ khác với năm sinh theo số định danh: đề nghị kiểm tra lại.</source>
        <translation>The year of birth on the card differs from the year the ID number encodes: please check.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Quét mã QR trên thẻ căn cước hoặc gõ số định danh</source>
        <translation>Scan the ID card’s QR code or type the ID number</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thôn/tổ dân phố, xã/phường, tỉnh/thành phố</source>
        <translation>Village/residential group, commune/ward, province/city</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số định &amp;danh</source>
        <translation>ID &amp;number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Họ và tên</source>
        <translation>Fu&amp;ll name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày &amp;sinh</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giới tính</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điện th&amp;oại</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa &amp;chỉ</source>
        <translation>Addr&amp;ess</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Nơi đăng ký khai sinh: {0}; năm sinh {1}.</source>
        <translation>Birth registered in {0}; born in {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số CMND cũ (9 chữ số).</source>
        <translation>Old ID card number (9 digits).</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Đã đọc thẻ căn cước.</source>
        <translation>ID card read.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CMND cũ: {0}.</source>
        <translation>Old ID card: {0}.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Không tra cứu được thông tin công dân đã lưu.</source>
        <translation>Could not look up the citizen’s stored details.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview_dialog.py" line="+28"/>
        <source>Xem trước khi in — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu PDF… (Ctrl+S)</source>
        <translation>Save PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
</context>
<context>
    <name>PrintingTab</name>
    <message>
        <location filename="../../ui/settings_printing_tab.py" line="-190"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A5 (nửa tờ A4)</source>
        <translation>A5 (half an A4 sheet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cuộn giấy nhiệt 80 mm</source>
        <translation>80 mm thermal roll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 liên</source>
        <translation>1 copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 liên (một liên cơ quan giữ)</source>
        <translation>2 copies (the agency keeps one)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and result appointment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Khổ giấy:</source>
        <translation>&amp;Paper size:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số &amp;liên:</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kiểm tra giấy tờ đã &amp;số hóa trước khi in biên nhận</source>
        <translation>Chec&amp;k that the papers are digitized before printing the receipt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khi lưu hồ sơ, nhắc nếu còn giấy tờ đã nhận chưa được quét hoặc dùng lại bản số. Chỉ tắt ở máy không có máy quét.</source>
        <translation>On saving a file, warn about received papers neither scanned nor reused from an earlier file. Turn off only on a computer with no scanner.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Xem trước rồi mới in</source>
        <translation>Pre&amp;view before printing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In &amp;thẳng ra máy in, không hỏi lại</source>
        <translation>Print &amp;directly to the printer without asking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu tệp &amp;PDF vào thư mục (in sau, hoặc in ở máy khác)</source>
        <translation>Save a PDF in a &amp;folder (to print later or on another computer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Chọn…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Khi bấm In</source>
        <translation>When printing</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Máy in mặc định của hệ thống</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Máy in:</source>
        <translation>P&amp;rinter:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Các lựa chọn này chỉ áp dụng cho máy tính này.</source>
        <translation>These choices apply to this computer only.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In ấn</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{0} (không thấy trên máy)</source>
        <translation>{0} (not found on this computer)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Thư mục lưu bản in PDF</source>
        <translation>Folder for PDF printouts</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu cài đặt in của máy này.</source>
        <translation>Print settings for this computer saved.</translation>
    </message>
</context>
<context>
    <name>ProcedureCatalogTableModel</name>
    <message>
        <location filename="../../ui/procedure_catalog_table_model.py" line="+54"/>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Áp dụng từ</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Không còn hiệu lực</source>
        <translation>No longer in force</translation>
    </message>
</context>
<context>
    <name>ProcedureEditorDialog</name>
    <message>
        <location filename="../../ui/procedure_editor_dialog.py" line="+41"/>
        <source>Sửa nội dung thủ tục theo định dạng danh mục (JSON). Phiên bản đã có hồ sơ sử dụng thì không sửa được: thêm một phiên bản mới với &quot;effective_from&quot; là ngày bắt đầu áp dụng. Ctrl+S để lưu.</source>
        <translation>Edit the procedure in the catalogue format (JSON). A version already used by files cannot be changed: add a new version with &quot;effective_from&quot; set to the date it takes effect. Ctrl+S saves.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chưa lưu. Lỗi ở trường {0}: {1}</source>
        <translation>Not saved. Error in field {0}: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa lưu: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/procedure_picker.py" line="+64"/>
        <source>Gõ mã hoặc tên thủ tục, ví dụ: khai sinh, 1.001193</source>
        <translation>Type a procedure’s code or name, e.g. khai sinh, 1.001193</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/reason_dialog.py" line="+33"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter để xác nhận.</source>
        <translation>Ctrl+Enter to confirm.</translation>
    </message>
</context>
<context>
    <name>ScreenLockTab</name>
    <message>
        <location filename="../../ui/settings_printing_tab.py" line="+68"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không bao giờ</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khóa &amp;sau khi không dùng máy:</source>
        <translation>Lock when unused &amp;for:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tự khóa màn hình</source>
        <translation>Automatic screen lock</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Khi không ai gõ phím hay dùng chuột trong ứng dụng quá số phút này, màn hình được che lại; người đang đăng nhập nhập lại mật khẩu để làm việc tiếp, hoặc đăng xuất để người khác đăng nhập. 0: không bao giờ tự khóa. Chỉ áp dụng cho máy tính này.</source>
        <translation>When nobody has typed or used the mouse in the application for this many minutes, the screen is covered; the logged-in user enters their password again to carry on, or logs out so that someone else can log in. 0: never lock automatically. Applies to this computer only.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Khóa màn hình</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã lưu: máy này không tự khóa màn hình.</source>
        <translation>Saved: this computer does not lock its screen automatically.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã lưu: màn hình tự khóa sau {0} phút không dùng máy.</source>
        <translation>Saved: the screen locks after {0} minutes without use.</translation>
    </message>
</context>
<context>
    <name>ScreenLocker</name>
    <message>
        <location filename="../../ui/lock_dialog.py" line="+43"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Tài khoản đã bị ngừng sử dụng</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản {0} đã bị ngừng sử dụng trong lúc màn hình khóa: chương trình đăng xuất. Hãy liên hệ quản trị viên.</source>
        <translation>The account {0} was disabled while the screen was locked: logging out. Please contact an administrator.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+33"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chỉ quản trị viên mới được xem và thay đổi phần cài đặt.</source>
        <translation>Only administrators can view and change the settings.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các thẻ sau có thay đổi chưa lưu: {0}. Đóng mà không lưu?</source>
        <translation>These tabs have unsaved changes: {0}. Close without saving?</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_tab.py" line="+147"/>
        <source>Tệp không phải văn bản UTF-8 (JSON).</source>
        <translation>The file is not UTF-8 text (JSON).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc/ghi được tệp: {0}</source>
        <translation>Could not read or write the file: {0}</translation>
    </message>
</context>
<context>
    <name>SyncExporter</name>
    <message>
        <location filename="../../ui/sync_exporter.py" line="+68"/>
        <source>Thư mục xuất: {0}</source>
        <translation>Export folder: {0}</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Không đọc được cấu hình đồng bộ: {0}</source>
        <translation>Cannot read the sync configuration: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đến giờ tự động xuất gói đồng bộ ({0}) nhưng chưa chọn thư mục xuất: quản trị viên cần chọn trong màn hình Đồng bộ (F8).</source>
        <translation>Time for the automatic sync export ({0}), but no export folder is chosen: an administrator needs to choose one on the Sync screen (F8).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tự động xuất gói đồng bộ lúc {0} không thành công: {1} Xem màn hình Đồng bộ (F8).</source>
        <translation>The automatic sync export at {0} failed: {1} See the Sync screen (F8).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tự động xuất lúc {0}: không có thay đổi mới.</source>
        <translation>Automatic export at {0}: no new changes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã tự động xuất gói đồng bộ lúc {0}: {1}</source>
        <translation>Sync bundle exported automatically at {0}: {1}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chưa xuất được gói đồng bộ</source>
        <translation>Sync bundle not exported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi đã được ghi lại. Các thay đổi vẫn được giữ trên máy này: hãy xuất lại từ màn hình Đồng bộ (F8) ở lần làm việc sau.</source>
        <translation>The error has been recorded. The changes are kept on this workstation: export again from the Sync screen (F8) next time.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đang xuất gói đồng bộ vào {0} trước khi đóng…</source>
        <translation>Exporting the sync bundle to {0} before closing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không chờ</source>
        <translation>Don’t wait</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="+122"/>
        <source>Máy trạm gửi dữ liệu cho trung tâm bằng gói đồng bộ (qua USB hoặc thư mục mạng). Mọi thay đổi được giữ lại và gửi lại trong các gói sau cho đến khi trung tâm gửi giấy xác nhận về.</source>
        <translation>This workstation sends its data to the centre in sync bundles (on a USB stick or through a network folder). Every change is kept and sent again in later bundles until the centre sends back its acknowledgement.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tình trạng đồng bộ</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ chưa đồng bộ:</source>
        <translation>Files not yet synced:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu khác chưa đồng bộ:</source>
        <translation>Other data not yet synced:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay đổi cũ nhất chưa đồng bộ:</source>
        <translation>Oldest change not yet synced:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lần xuất gần nhất:</source>
        <translation>Last export:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lần nhận xác nhận gần nhất:</source>
        <translation>Last acknowledgement:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ cần gửi lại:</source>
        <translation>Documents to send again:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lỗi gần nhất:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Xuất gói đồng bộ</source>
        <translation>&amp;Export sync bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi các thay đổi chưa được trung tâm xác nhận thành một gói vào thư mục xuất (Ctrl+E)</source>
        <translation>Write the changes the centre has not acknowledged as one bundle into the export folder (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nhận xác nhận từ trung tâm…</source>
        <translation>&amp;Take the centre’s acknowledgement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn tệp xác nhận trung tâm gửi về: các thay đổi đã xác nhận không phải gửi lại nữa</source>
        <translation>Choose the acknowledgement file the centre sent back: acknowledged changes are not sent again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tải lại (F5)</source>
        <translation>Reload (F5)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chưa chọn: hỏi thư mục mỗi lần xuất</source>
        <translation>Not chosen: ask for a folder at each export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tự động xuất khi đóng chương trình hoặc đăng xuất</source>
        <translation>Export automatically when the application closes or on logout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ 11:30, 16:45</source>
        <translation>for example 11:30, 16:45</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cấu hình đồng bộ</source>
        <translation>Sync configuration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư &amp;mục xuất:</source>
        <translation>Export &amp;folder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tự động xuất &amp;vào các giờ:</source>
        <translation>Export automatically &amp;at:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa &amp;ký của trung tâm:</source>
        <translation>Centre’s &amp;signing key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa mã hóa của tr&amp;ung tâm:</source>
        <translation>Centre’s encr&amp;yption key:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Các giờ tự động xuất ghi cách nhau bởi dấu phẩy; chương trình phải đang mở vào giờ đó. Khóa ký dùng để kiểm tra giấy xác nhận của trung tâm; khi có khóa mã hóa, gói đồng bộ được mã hóa để chỉ trung tâm đọc được. Cả hai khóa do trung tâm cung cấp.</source>
        <translation>Separate the export times with commas; the application must be open at those times. The signing key checks the centre’s acknowledgements; with an encryption key, sync bundles are encrypted so that only the centre can read them. The centre provides both keys.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lưu cấu hình</source>
        <translation>Save &amp;configuration</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chỉ quản trị viên mới thay đổi được cấu hình đồng bộ.</source>
        <translation>Only an administrator can change the sync configuration.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Chọn thư mục để lưu gói đồng bộ</source>
        <translation>Choose the folder to save the sync bundle in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chọn giấy xác nhận của trung tâm</source>
        <translation>Choose the centre’s acknowledgement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy xác nhận (*.json *.ack);;Mọi tệp (*)</source>
        <translation>Acknowledgements (*.json *.ack);;All files (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang kiểm tra giấy xác nhận…</source>
        <translation>Checking the acknowledgement…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>vừa xong</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n phút trước</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n giờ trước</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ngày trước</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không đọc được tình trạng đồng bộ: {0}</source>
        <translation>Cannot read the sync status: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+35"/>
        <location line="+6"/>
        <source>Không có</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Không có: mọi thay đổi đã được trung tâm xác nhận</source>
        <translation>None: the centre has acknowledged every change</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa xuất lần nào</source>
        <translation>Never exported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1})
{2}</source>
        <translation>{0} ({1})
{2}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa nhận xác nhận nào</source>
        <translation>No acknowledgement yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ({1}): trung tâm đã nhận đến thay đổi số {2} (máy này có {3})</source>
        <translation>{0} ({1}): the centre holds the changes up to number {2} (this workstation has {3})</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n giấy tờ trung tâm báo thiếu, sẽ được gửi kèm lần xuất tới</source>
        <translation>
            <numerusform>%n document the centre reported missing, sent with the next export</numerusform>
            <numerusform>%n documents the centre reported missing, sent with the next export</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đang tự động xuất gói đồng bộ theo giờ đã hẹn…</source>
        <translation>Exporting the sync bundle at the scheduled time…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang xuất gói đồng bộ…</source>
        <translation>Exporting the sync bundle…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không có thay đổi mới: mọi thay đổi đã được trung tâm xác nhận, không cần xuất gói.</source>
        <translation>No new changes: the centre has acknowledged every change, there is nothing to export.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã xuất gói đồng bộ (thay đổi số {0}–{1}):
{2}
{3}</source>
        <translation>Sync bundle exported (changes {0}–{1}):
{2}
{3}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gói đã được mã hóa: chỉ trung tâm đọc được.</source>
        <translation>The bundle is encrypted: only the centre can read it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không xuất được gói đồng bộ: {0}</source>
        <translation>The sync bundle could not be exported: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Đã nhận xác nhận của trung tâm: trung tâm đã có các thay đổi đến số {0} (trước đó {1}); %n gói đã xuất được xác nhận.</source>
        <translation>
            <numerusform>Centre’s acknowledgement taken: the centre holds the changes up to number {0} (before: {1}); %n exported bundle acknowledged.</numerusform>
            <numerusform>Centre’s acknowledgement taken: the centre holds the changes up to number {0} (before: {1}); %n exported bundles acknowledged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n giấy tờ trung tâm báo thiếu sẽ được gửi lại trong lần xuất tới.</source>
        <translation>
            <numerusform>%n document the centre reported missing will be sent again with the next export.</numerusform>
            <numerusform>%n documents the centre reported missing will be sent again with the next export.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Không nhận được giấy xác nhận: {0}</source>
        <translation>The acknowledgement was not taken: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa có khóa ký của trung tâm nên chưa kiểm tra được giấy xác nhận: quản trị viên cần nhập khóa này (do trung tâm cung cấp) trong phần Cấu hình đồng bộ.</source>
        <translation>There is no centre signing key yet, so acknowledgements cannot be checked: an administrator needs to enter this key (provided by the centre) in the Sync configuration.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Chọn thư mục xuất gói đồng bộ</source>
        <translation>Choose the sync export folder</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã lưu cấu hình đồng bộ.</source>
        <translation>Sync configuration saved.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Giờ “{0}” không đúng dạng giờ:phút (ví dụ 16:30).</source>
        <translation>“{0}” is not a time in hours:minutes (for example 16:30).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Khóa ký của trung tâm không đúng: cần “ed25519:” và 44 ký tự, như trung tâm cung cấp.</source>
        <translation>The centre’s signing key is not right: it is “ed25519:” and 44 characters, as the centre provides it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khóa mã hóa của trung tâm không đúng: cần “x25519:” và 44 ký tự, như trung tâm cung cấp.</source>
        <translation>The centre’s encryption key is not right: it is “x25519:” and 44 characters, as the centre provides it.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../ui/transition_dialog.py" line="+70"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hãy nhập nội dung này.</source>
        <translation>Please fill this in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung dài quá {0} ký tự.</source>
        <translation>The text is longer than {0} characters.</translation>
    </message>
</context>
<context>
    <name>UnlockStoreDialog</name>
    <message>
        <location filename="../../ui/unlock_store_dialog.py" line="+34"/>
        <source>Mở khóa dữ liệu — MotCua Desk</source>
        <translation>Unlock the data — MotCua Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu của máy này được mã hóa</source>
        <translation>This computer’s data is encrypted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhập mật khẩu mã hóa dữ liệu (do quản trị viên cấp) hoặc mã khôi phục để mở. Đây không phải mật khẩu đăng nhập của từng người.</source>
        <translation>Enter the data encryption passphrase (given by the administrator) or the recovery code to open it. This is not a person’s login password.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư mục dữ liệu: {0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mật khẩu mã hóa dữ liệu</source>
        <translation>Data encryption passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu mã hóa hoặc mã khôi phục</source>
        <translation>Encryption passphrase or recovery code</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+23"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nhập mật khẩu mã hóa dữ liệu.</source>
        <translation>Enter the data encryption passphrase.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đang mở…</source>
        <translation>Opening…</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/user_dialog.py" line="-54"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chữ không dấu, số, dấu chấm: ví dụ lan.tt</source>
        <translation>letters without diacritics, digits, dots: e.g. lan.tt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Họ và tên:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vai trò:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cần nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số, dấu chấm và gạch dưới.</source>
        <translation>A user name may contain only letters without diacritics, digits, dots and underscores.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cần nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tên đăng nhập này đã có người dùng.</source>
        <translation>This user name is already taken.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/settings_users_tab.py" line="+62"/>
        <source>&amp;Thêm người dùng…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đổi &amp;vai trò…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt lại &amp;mật khẩu…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>&amp;Khóa tài khoản</source>
        <translation>&amp;Lock account</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>&amp;Gỡ tạm khóa</source>
        <translation>&amp;Clear lockout</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cho tài khoản đăng nhập lại ngay, không chờ hết thời gian tạm khóa do nhập sai mật khẩu.</source>
        <translation>Let the account log in again now, without waiting for the lockout after wrong passwords to end.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cán bộ tiếp nhận: tiếp nhận và theo dõi hồ sơ. Lãnh đạo / giám sát: thêm trang Tổng hợp và in sổ theo dõi. Quản trị: thêm phần Cài đặt. Tài khoản bị khóa không đăng nhập được; hồ sơ và nhật ký của tài khoản đó vẫn giữ nguyên. Nhập sai mật khẩu nhiều lần liên tiếp thì tài khoản bị tạm khóa ít phút.</source>
        <translation>Intake clerk: receives and tracks files. Manager / supervisor: also the Daily summary page and printing the register. Administrator: also the Settings. A locked account cannot log in; its files and log entries are kept. Too many wrong passwords in a row lock an account out for a few minutes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Mở &amp;khóa tài khoản</source>
        <translation>Un&amp;lock account</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã thêm tài khoản {0}.</source>
        <translation>Account {0} added.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã đặt mật khẩu mới cho {0}.</source>
        <translation>New password set for {0}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò của {0} ({1}):</source>
        <translation>Role of {0} ({1}):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} giờ có vai trò {1}.</source>
        <translation>{0} now has the role {1}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Khóa tài khoản {0} ({1})? Người này sẽ không đăng nhập được nữa.</source>
        <translation>Lock the account {0} ({1})? This person will no longer be able to log in.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Khóa tài khoản</source>
        <translation>Lock account</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã mở khóa tài khoản {0}.</source>
        <translation>Account {0} unlocked.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã khóa tài khoản {0}.</source>
        <translation>Account {0} locked.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã gỡ tạm khóa: {0} đăng nhập lại được ngay.</source>
        <translation>Lockout cleared: {0} can log in again now.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Không thể khóa chính tài khoản đang đăng nhập. Hãy nhờ một quản trị viên khác.</source>
        <translation>You cannot lock the account you are logged in with. Ask another administrator.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không thể bỏ quyền quản trị của chính mình. Hãy nhờ một quản trị viên khác.</source>
        <translation>You cannot remove your own administrator rights. Ask another administrator.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} là quản trị viên cuối cùng đang hoạt động. Hãy cấp quyền quản trị cho một tài khoản khác trước.</source>
        <translation>{0} is the last active administrator. Give another account administrator rights first.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../ui/users_table_model.py" line="+51"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày tạo</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tạm khóa đến {0}</source>
        <translation>Locked out until {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nhập sai mật khẩu nhiều lần liên tiếp: tạm thời không đăng nhập được. Quản trị viên có thể gỡ tạm khóa ngay.</source>
        <translation>Too many wrong passwords in a row: cannot log in for now. An administrator can clear the lockout at once.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>_AccountForm</name>
    <message>
        <location filename="../../ui/user_dialog.py" line="-104"/>
        <source>ít nhất {0} ký tự</source>
        <translation>at least {0} characters</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>audit_labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+247"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>File received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển trạng thái hồ sơ</source>
        <translation>File status changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở xem hồ sơ</source>
        <translation>File viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gia hạn giải quyết hồ sơ</source>
        <translation>File deadline extended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận giấy tờ chưa số hóa</source>
        <translation>Documents received on paper only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In biểu mẫu, giấy tờ</source>
        <translation>Form or document printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tài liệu</source>
        <translation>Document attached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tài liệu đã có</source>
        <translation>Stored document attached again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở xem tài liệu đính kèm</source>
        <translation>Attached document viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gỡ tài liệu đính kèm</source>
        <translation>Attached document removed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tra cứu công dân</source>
        <translation>Citizen looked up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trích xuất nhật ký cho công dân</source>
        <translation>Log exported for a citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập sai mật khẩu</source>
        <translation>Login with a wrong password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập khi tài khoản đang bị khóa</source>
        <translation>Login while the account was locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạm khóa tài khoản</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở khóa tài khoản</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm tài khoản</source>
        <translation>Account added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cho dùng lại tài khoản</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngừng sử dụng tài khoản</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đổi vai trò tài khoản</source>
        <translation>Account role changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chốt số liệu ngày</source>
        <translation>Day closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất sổ theo dõi hồ sơ</source>
        <translation>Register exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất dữ liệu cho Cổng Dịch vụ công quốc gia</source>
        <translation>Data exported for the National Public Service Portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất gói đồng bộ</source>
        <translation>Sync bundle exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận xác nhận của trung tâm</source>
        <translation>Centre’s acknowledgement received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấu hình đồng bộ</source>
        <translation>Sync configured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giải quyết dữ liệu đồng bộ bị trùng sửa</source>
        <translation>Sync conflict resolved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu dữ liệu</source>
        <translation>Data backed up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khôi phục dữ liệu từ bản sao lưu</source>
        <translation>Data restored from a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiết lập cơ quan lần đầu</source>
        <translation>Agency set up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa thông tin cơ quan</source>
        <translation>Agency details changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn bộ biểu mẫu</source>
        <translation>Form set chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa giờ làm việc</source>
        <translation>Office hours changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập lịch nghỉ lễ từ tệp</source>
        <translation>Holiday table imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa lịch nghỉ lễ</source>
        <translation>Holiday table edited</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Nạp lịch nghỉ lễ có sẵn</source>
        <translation>Built-in holidays loaded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nạp danh mục thủ tục có sẵn</source>
        <translation>Built-in catalogue loaded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập danh mục thủ tục</source>
        <translation>Procedure catalogue imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt địa chỉ tra cứu trên giấy biên nhận</source>
        <translation>Receipt lookup link set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tin cậy khóa ký giấy biên nhận</source>
        <translation>Receipt signing key trusted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo dữ liệu trình diễn</source>
        <translation>Demonstration data generated</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mọi thao tác hồ sơ</source>
        <translation>Every action on files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi thao tác với tài liệu đính kèm</source>
        <translation>Every action on attached documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi thao tác với tài khoản, đăng nhập</source>
        <translation>Every action on accounts and logins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi thao tác đồng bộ</source>
        <translation>Every sync action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu và khôi phục dữ liệu</source>
        <translation>Backups and restores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi thay đổi cài đặt</source>
        <translation>Every settings change</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hồ sơ</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp xuất</source>
        <translation>Export file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch nghỉ lễ</source>
        <translation>Holiday table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tài khoản</source>
        <translation>account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vai trò</source>
        <translation>role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thủ tục</source>
        <translation>procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trạng thái</source>
        <translation>status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>giấy tờ</source>
        <translation>documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <location line="+5"/>
        <source>tên</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>mẫu</source>
        <translation>form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>số trang</source>
        <translation>pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lý do</source>
        <translation>reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>số hồ sơ</source>
        <translation>files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>số mục</source>
        <translation>entries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>số lần sai</source>
        <translation>failures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đến</source>
        <translation>until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>khóa đến</source>
        <translation>locked until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tiếp nhận</source>
        <translation>received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã trả</source>
        <translation>returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>giải quyết xong</source>
        <translation>finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>tệp</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>thay đổi</source>
        <translation>changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trường</source>
        <translation>field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>giữ bản</source>
        <translation>kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bộ biểu mẫu</source>
        <translation>form set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>địa chỉ</source>
        <translation>link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>từ ngày</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã xác nhận đến</source>
        <translation>acknowledged up to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tệp thiếu</source>
        <translation>missing files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>máy trạm</source>
        <translation>workstation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cán bộ tiếp nhận</source>
        <translation>intake clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lãnh đạo / giám sát</source>
        <translation>manager / supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quản trị</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nội dung của mục đã bị sửa sau khi ghi</source>
        <translation>the entry was changed after it was written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mục này không nối tiếp mục trước nó: có mục đã bị xóa, hoặc các mục đã bị đảo thứ tự</source>
        <translation>this entry does not follow the one before it: an entry was deleted, or entries were reordered</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mục không có mã kiểm tra của chuỗi: được thêm vào ngoài chương trình</source>
        <translation>the entry carries no chain check code: it was added outside the application</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../ui/procedure_catalog_table_model.py" line="-60"/>
        <source>{0} ngày làm việc</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} giờ làm việc</source>
        <translation>{0} working hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trong ngày (nhận trước {0})</source>
        <translation>Same day (if received before {0})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="+109"/>
        <source>Đã xảy ra lỗi không mong đợi.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dữ liệu đã lưu không bị ảnh hưởng. Hãy gửi nội dung chi tiết cho quản trị viên.</source>
        <translation>Saved data is not affected. Please send the details to your administrator.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="-346"/>
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
        <location line="+2"/>
        <source>Tài khoản tạm khóa đến {0} do nhập sai mật khẩu nhiều lần. Hãy thử lại sau hoặc nhờ quản trị viên mở khóa.</source>
        <translation>The account is locked until {0} after too many wrong passwords. Try again later or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh mục thủ tục không hợp lệ.</source>
        <translation>The procedure catalogue is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch làm việc không hợp lệ.</source>
        <translation>The working calendar is not valid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mẫu này không áp dụng cho hồ sơ ở trạng thái hiện tại.</source>
        <translation>This form does not apply to the file in its current status.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã hết số thứ tự mã hồ sơ trong ngày của máy trạm này.</source>
        <translation>This workstation has used up today’s file code numbers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã QR không phải mã biên nhận MotCua hợp lệ.</source>
        <translation>The QR code is not a valid MotCua receipt code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đọc được tệp giấy tờ.</source>
        <translation>The document file could not be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy quét báo lỗi.</source>
        <translation>The scanner reported an error.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp đồng bộ không được chấp nhận: chưa nhận gì từ tệp này.</source>
        <translation>The sync file was refused: nothing was taken from it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không dùng được bản sao lưu này.</source>
        <translation>This backup cannot be used.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không mở được dữ liệu đã mã hóa.</source>
        <translation>The encrypted data cannot be opened.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp “{0}” trống (0 byte).</source>
        <translation>The file “{0}” is empty (0 bytes).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp “{0}” không phải ảnh (JPEG, PNG, TIFF, BMP) hay PDF.</source>
        <translation>The file “{0}” is not an image (JPEG, PNG, TIFF, BMP) or a PDF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp “{0}” bị hỏng hoặc không trọn vẹn, không đọc được.</source>
        <translation>The file “{0}” is damaged or incomplete and cannot be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh “{0}” quá lớn (quá nhiều điểm ảnh), có thể là tệp độc hại: không nhận.</source>
        <translation>The image “{0}” is too large (too many pixels) and may be a malicious file: it was not accepted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp “{0}” quá lớn để đính kèm.</source>
        <translation>The file “{0}” is too large to attach.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF “{0}” có mật khẩu: hãy xin bản không đặt mật khẩu hoặc quét bản giấy.</source>
        <translation>The PDF file “{0}” is password-protected: ask for a copy without a password or scan the paper copy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ổ đĩa đã đầy: chưa lưu được gì. Giải phóng dung lượng rồi thử lại.</source>
        <translation>The disk is full: nothing has been saved. Free up some space and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thư mục dữ liệu chỉ đọc (không có quyền ghi): chưa lưu được gì.</source>
        <translation>The data folder is read-only (no permission to write): nothing has been saved.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không tìm thấy tệp tài liệu đã lưu. Báo quản trị viên kiểm tra (motcua attachments verify).</source>
        <translation>The stored document file cannot be found. Ask your administrator to check it (motcua attachments verify).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp tài liệu đã lưu bị thay đổi hoặc hỏng. Báo quản trị viên kiểm tra (motcua attachments verify).</source>
        <translation>The stored document file has been altered or damaged. Ask your administrator to check it (motcua attachments verify).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chữ ký trên tệp không khớp với khóa của trung tâm đã cấu hình: tệp đã bị sửa, hoặc do trung tâm khác (khóa khác) cấp. Chưa nhận gì từ tệp này.</source>
        <translation>The file’s signature does not match the configured centre key: the file was altered, or another centre (another key) issued it. Nothing was taken from it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp này dành cho máy trạm khác (hoặc dữ liệu khác), không phải máy này. Chưa nhận gì.</source>
        <translation>This file is meant for another workstation (or other data), not this one. Nothing was taken.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp này không phải giấy xác nhận hay gói đồng bộ của MotCua Desk.</source>
        <translation>This file is not a MotCua Desk acknowledgement or sync bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp được tạo bởi phiên bản MotCua Desk mới hơn: hãy cập nhật chương trình rồi thử lại.</source>
        <translation>The file was made by a newer version of MotCua Desk: update the application and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không tìm thấy hoặc không đọc được tệp.</source>
        <translation>The file cannot be found or read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp bị hỏng hoặc đã bị thay đổi. Chưa nhận gì từ tệp này.</source>
        <translation>The file is damaged or was altered. Nothing was taken from it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không trọn vẹn (bị cắt ngắn khi chép). Hãy chép lại tệp.</source>
        <translation>The file is incomplete (cut short while copying). Copy it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp quá lớn so với một tệp đồng bộ hợp lệ.</source>
        <translation>The file is too large for a valid sync file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không phải gói đồng bộ đã mã hóa.</source>
        <translation>The file is not an encrypted sync bundle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gói đồng bộ được mã hóa cho khóa của trung tâm khác, không đọc được ở đây.</source>
        <translation>The sync bundle is encrypted to another centre’s key and cannot be read here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dữ liệu đang dùng không qua được bước kiểm tra (cơ sở dữ liệu hoặc tệp tài liệu bị hỏng): chưa ghi bản sao lưu nào. Báo quản trị viên kiểm tra (motcua attachments verify).</source>
        <translation>The data in use fails its checks (the database or a document file is damaged): no backup was written. Ask an administrator to check it (motcua attachments verify).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp này không phải bản sao lưu của MotCua Desk (hoặc không tìm thấy tệp).</source>
        <translation>This file is not a MotCua Desk backup (or it cannot be found).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bản sao lưu bị hỏng, không trọn vẹn hoặc đã bị sửa (hoặc được lấy từ dữ liệu đã hỏng): không dùng để khôi phục được.</source>
        <translation>The backup is damaged, incomplete or altered (or was taken of damaged data): it cannot be used for a restore.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bản sao lưu được tạo bởi phiên bản MotCua Desk mới hơn: hãy cập nhật chương trình rồi thử lại.</source>
        <translation>The backup was made by a newer version of MotCua Desk: update the application and try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dữ liệu được lưu trên máy chủ cơ sở dữ liệu (PostgreSQL), không phải trong thư mục dữ liệu của máy này: hãy sao lưu bằng công cụ của máy chủ (pg_dump) cùng thư mục dữ liệu.</source>
        <translation>The data is kept on a database server (PostgreSQL), not in this computer’s data folder: back it up with the server’s tools (pg_dump) together with the data folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bản sao lưu này được mã hóa bằng khóa khác (của máy khác, hoặc trước khi đổi khóa): cần mật khẩu mã hóa hoặc mã khôi phục lúc tạo bản sao lưu.</source>
        <translation>This backup is encrypted with another key (another computer’s, or one from before the key was changed): it needs the encryption passphrase or the recovery code of when it was made.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dữ liệu được mã hóa: nhập mật khẩu mã hóa dữ liệu.</source>
        <translation>The data is encrypted: enter the data encryption passphrase.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu mã hóa hoặc mã khôi phục không đúng. Kiểm tra bộ gõ và phím Caps Lock rồi thử lại.</source>
        <translation>Wrong encryption passphrase or recovery code. Check the input method and the Caps Lock key, then try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp khóa mã hóa (encryption.json) trong thư mục dữ liệu bị hỏng: báo quản trị viên khôi phục từ bản sao lưu.</source>
        <translation>The encryption key file (encryption.json) in the data folder is damaged: ask an administrator to restore it from a backup.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy này chưa cài thành phần mã hóa (SQLCipher) nên không mở được dữ liệu đã mã hóa: báo quản trị viên cài lại chương trình.</source>
        <translation>The encryption component (SQLCipher) is not installed on this computer, so the encrypted data cannot be opened: ask an administrator to reinstall the application.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Một cửa sổ MotCua Desk khác đang mở dữ liệu này: đóng nó rồi thử lại.</source>
        <translation>Another MotCua Desk window has this data open: close it and try again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không tìm thấy thư mục xuất: chưa cắm USB, ổ mạng chưa kết nối, hoặc thư mục đã bị xóa hay đổi tên.</source>
        <translation>The export folder cannot be found: the USB stick is not plugged in, the network drive is not connected, or the folder was deleted or renamed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ngày này đã được chốt sổ rồi.</source>
        <translation>This day has already been closed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa đến ngày này: chưa chốt sổ được.</source>
        <translation>This day has not come yet: it cannot be closed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mật khẩu cần ít nhất {0} ký tự.</source>
        <translation>The password must have at least {0} characters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu quá dài: tối đa {1} ký tự.</source>
        <translation>The password is too long: at most {1} characters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu không được trùng với tên đăng nhập.</source>
        <translation>The password cannot be the user name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu quá dễ đoán (một ký tự lặp lại, hoặc một dãy liên tiếp như 12345678, abcdefgh): hãy chọn mật khẩu khác.</source>
        <translation>The password is too easy to guess (one character repeated, or a run such as 12345678 or abcdefgh): choose another one.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mật khẩu này nằm trong số những mật khẩu hay dùng nhất, rất dễ bị đoán: hãy chọn mật khẩu khác.</source>
        <translation>This password is among the most used ones and easily guessed: choose another one.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hồ sơ</source>
        <translation>Files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ trong hồ sơ</source>
        <translation>Documents in files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bước xử lý hồ sơ</source>
        <translation>File processing steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu đính kèm</source>
        <translation>Attached documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp tài liệu</source>
        <translation>Document files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp tài liệu gửi kèm</source>
        <translation>Document files enclosed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên bản thủ tục</source>
        <translation>Procedure versions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>.</source>
        <comment>thousands separator</comment>
        <translation>,</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>,</source>
        <comment>decimal separator</comment>
        <translation>.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} byte</source>
        <translation>{0} bytes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} đồng</source>
        <translation>{0} VND</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../ui/users_table_model.py" line="-66"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Intake clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lãnh đạo / giám sát</source>
        <translation>Manager / supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
</context>
</TS>
