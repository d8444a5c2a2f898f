"""The one error type the readers and the parser raise for input a user can get wrong, and
the words of every such error (this layer's part of the catalogue, see ``desktop_app.errors``).

Raise sites name a constant below and pass its parameters (positional ``{0}``, ``{1}``…);
no sentence is written anywhere else in ``desktop_app.plans``.
"""

from __future__ import annotations

from desktop_app.errors import UserError, Words


class PlanReadError(UserError):
    """A document that cannot be read, with a message in Chinese and in English.

    ``code`` is a stable identifier (``empty``, ``too_large``, ``encrypted``...)
    for tests and logs; the messages are for people.
    """


# -- finding and loading the file (readers/__init__.py) ------------------------------------

NOT_FOUND = Words("找不到文件：{0}", "File not found: {0}")
NO_PERMISSION = Words("没有权限读取文件：{0}", "No permission to read the file: {0}")
# {1}: the operating system's own description of the failure.
CANNOT_READ = Words("无法读取文件：{0}（{1}）", "Cannot read the file: {0} ({1})")
NOT_A_FILE = Words(
    "这不是一个文件（可能是文件夹）：{0}", "This is not a file (perhaps a folder): {0}"
)
NO_READABLE_TEXT = Words("文件中没有可读取的文字：{0}", "The file contains no readable text: {0}")

# -- telling the format (readers/__init__.py) ----------------------------------------------

UNKNOWN_FORMAT = Words(
    "无法识别的文件格式：{0}，请使用 .docx、.doc、.wps、.pdf、.txt、.xlsx 或 .ofd",
    "Unknown file format: {0}; use .docx, .doc, .wps, .pdf, .txt, .xlsx or .ofd",
)
# {1}: what the file turned out to be (A_PRESENTATION, A_ZIP_ARCHIVE).
UNKNOWN_FORMAT_SEEN_AS = Words(
    "无法识别的文件格式：{0}（{1}），请使用 .docx、.doc、.wps、.pdf、.txt、.xlsx 或 .ofd",
    "Unknown file format: {0} ({1}); use .docx, .doc, .wps, .pdf, .txt, .xlsx or .ofd",
)
A_PRESENTATION = Words("演示文稿", "a presentation")
A_ZIP_ARCHIVE = Words("这是一个压缩包", "a zip archive")

# A document named for one format that holds another: {0} the extension, {1} what the
# name promises (WORD_DOCUMENT...), {2} the file name.
WRONG_FORMAT_TEXT = Words(
    "文件扩展名是 {0}，但内容是纯文本，不是{1}：{2}。如果这是文本文件，请把扩展名改为 .txt 后再导入",
    "The file is named {0} but contains plain text, not {1}: {2}. "
    "If it is a text file, rename it to .txt and import it again",
)
# As WRONG_FORMAT_TEXT, with what the file holds first: {1} A_WEB_PAGE or A_WEB_ARCHIVE.
WRONG_FORMAT_WEB_PAGE = Words(
    "文件扩展名是 {0}，但内容是{1}，不是{2}：{3}。可能是下载不完整或下载到了出错页面，请重新下载原文件",
    "The file is named {0} but contains {1}, not {2}: {3}. "
    "The download may have failed or saved an error page; download the file again",
)
A_WEB_PAGE = Words("网页（HTML）", "a web page (HTML)")
A_WEB_ARCHIVE = Words("网页存档（MHT）", "a web archive (MHT)")
WORD_DOCUMENT = Words("Word 文档", "a Word document")
EXCEL_WORKBOOK = Words("Excel 表格", "an Excel workbook")
PDF_FILE = Words("PDF 文件", "a PDF file")
OFD_FILE = Words("OFD 文件", "an OFD file")

OFFICE_ENCRYPTED = Words(
    "文件设有打开密码，无法读取：{0}。请在 WPS 或 Office 中取消密码后另存，再导入",
    "The file is password-protected: {0}. Remove the password in WPS or Office, "
    "save it again and import that",
)

# -- damaged files (every reader; see corrupt_file) ----------------------------------------

CORRUPT_FILE = Words("文件已损坏，无法打开：{0}", "The file is damaged and cannot be opened: {0}")
# {1}: what is wrong with it (NO_HTML_IN_WEB_ARCHIVE).
CORRUPT_FILE_BECAUSE = Words(
    "文件已损坏，无法打开：{0}（{1}）", "The file is damaged and cannot be opened: {0} ({1})"
)
# {1}: the extension whose format the content does not have.
CORRUPT_NOT_VALID = Words(
    "文件已损坏，无法打开：{0}（内容不是有效的 {1} 文件）",
    "The file is damaged and cannot be opened: {0} (not a valid {1} file)",
)
NO_HTML_IN_WEB_ARCHIVE = Words("网页存档中没有找到正文", "no HTML part in the web archive")


def corrupt_file(name: str, detail: Words | None = None) -> PlanReadError:
    """The one message for a file that is damaged or not what its name says."""
    if detail is None:
        return PlanReadError("corrupt", CORRUPT_FILE, name)
    return PlanReadError("corrupt", CORRUPT_FILE_BECAUSE, name, detail)


# -- size limits (readers/limits.py) -------------------------------------------------------

EMPTY_FILE = Words("文件是空的（0 字节）：{0}", "The file is empty (0 bytes): {0}")
# {0}, {1}: the size and the limit in MB.
FILE_TOO_LARGE = Words(
    "文件过大（{0:.0f} MB），超过 {1:.0f} MB 的上限：{2}",
    "The file is too large ({0:.0f} MB, limit {1:.0f} MB): {2}",
)
ZIP_BOMB = Words(
    "文件结构异常（解压后体积过大或压缩比异常），为安全起见拒绝打开：{0}",
    "The file's internal structure is abnormal (it would expand to an unsafe size); "
    "refusing to open it: {0}",
)
# {0}: the limit in characters.
TOO_MUCH_TEXT = Words(
    "文件中的文字过多（超过 {0:,} 字），不像是一份工作要点：{1}",
    "The file contains too much text (over {0:,} characters) to be a work plan: {1}",
)

# -- PDF (readers/pdf.py) ------------------------------------------------------------------

PDF_ENCRYPTED = Words(
    "该 PDF 设有打开密码，无法读取：{0}。请去除密码后（例如用 PDF 阅读器打开后另存）再导入",
    "The PDF is password-protected: {0}. Remove the password and import it again",
)
PDF_INFLATES_TOO_MUCH = Words(
    "PDF 内部数据解压后过大，为安全起见拒绝打开：{0}",
    "The PDF's internal data would expand to an unsafe size; refusing to open it: {0}",
)
PDF_NO_PAGES = Words("该 PDF 没有任何页面：{0}", "The PDF has no pages: {0}")
# {0}: the pages it has; {1}: the limit.
PDF_TOO_MANY_PAGES = Words(
    "PDF 页数过多（{0} 页，上限 {1} 页）：{2}",
    "The PDF has too many pages ({0}, limit {1}): {2}",
)
PDF_TIMED_OUT = Words(
    "PDF 内容过于复杂，读取超时：{0}", "The PDF is too complex; reading it timed out: {0}"
)
PDF_FONTS_WITHOUT_UNICODE = Words(
    "该 PDF 的文字无法提取（字体缺少编码信息）：{0}。请向发文单位索取 Word 或可复制文字的 PDF 版本",
    "The text of this PDF cannot be extracted (fonts lack a Unicode mapping): {0}. "
    "Ask the issuer for a Word version or a PDF with selectable text",
)
PDF_NO_TEXT_LAYER = Words(
    "该 PDF 没有文字层（可能是扫描件），请向发文单位索取 Word 或可复制文字的 PDF 版本",
    "This PDF has no text layer (probably a scan); ask the issuer for a Word version "
    "or a PDF with selectable text",
)

# -- OFD, spreadsheets, web pages, plain text ----------------------------------------------

# {0}: the limit.
OFD_TOO_MANY_PAGES = Words(
    "OFD 页数过多（上限 {0} 页）", "The OFD document has too many pages (limit {0})"
)
# {0}: the sheet's name; {1}, {2}: its rows and columns.
SHEET_TOO_LARGE = Words(
    "工作表“{0}”过大（{1} 行 × {2} 列）：{3}",
    "Sheet '{0}' is too large ({1} rows x {2} columns): {3}",
)
HTML_TABLE_TOO_LARGE = Words(
    "网页中的表格过大，无法读取", "A table in the web page is too large to read"
)
BINARY_CONTENT = Words(
    "文件内容不是文字（像是二进制数据），无法按文本读取：{0}",
    "The file does not contain text (it looks like binary data): {0}",
)

# -- old formats through LibreOffice (readers/conversion.py) -------------------------------

# {0}: the extension (.xls, .et...).
SPREADSHEET_NEEDS_CONVERSION = Words(
    "暂不能直接读取 {0} 文件，请在 WPS 或 Excel 中“另存为” .xlsx 后再导入"
    "（安装 LibreOffice 后也可自动转换）",
    "{0} files cannot be read directly; open it in WPS or Excel, "
    "save it as .xlsx and import that (or install LibreOffice for automatic conversion)",
)
DOCUMENT_NEEDS_CONVERSION = Words(
    "暂不能直接读取 .doc/.wps 文件，请在 WPS 或 Word 中“另存为” .docx 后再导入"
    "（安装 LibreOffice 后也可自动转换）",
    "A .doc/.wps file cannot be read directly; open it in WPS or Word, save it as .docx "
    "and import that (or install LibreOffice for automatic conversion)",
)
RTF_NEEDS_CONVERSION = Words(
    "该文件实际是 RTF 格式，暂不能直接读取，请在 WPS 或 Word 中“另存为” .docx 后再导入",
    "The file is really in RTF format, which cannot be read directly; "
    "save it as .docx in WPS or Word and import that",
)
# LibreOffice failing: one message for each way, all with the same advice.
CONVERSION_DID_NOT_START = Words(
    "用 LibreOffice 转换文件失败（无法启动 LibreOffice）：{0}。"
    "文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入",
    "Converting the file with LibreOffice failed (could not start it): {0}. It may be "
    "damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that",
)
# {0}: the seconds waited.
CONVERSION_TIMED_OUT = Words(
    "用 LibreOffice 转换文件失败（超过 {0:g} 秒未完成）：{1}。"
    "文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入",
    "Converting the file with LibreOffice failed (no result after {0:g} s): {1}. It may be "
    "damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that",
)
# {0}: LibreOffice's exit code.
CONVERSION_EXITED = Words(
    "用 LibreOffice 转换文件失败（退出码 {0}）：{1}。"
    "文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入",
    "Converting the file with LibreOffice failed (exit code {0}): {1}. It may be "
    "damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that",
)
# {0}: LibreOffice's exit code; {1}: the end of what it printed.
CONVERSION_EXITED_SAYING = Words(
    "用 LibreOffice 转换文件失败（退出码 {0}，{1}）：{2}。"
    "文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入",
    "Converting the file with LibreOffice failed (exit code {0}, {1}): {2}. It may be "
    "damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that",
)
CONVERTED_FILE_TOO_LARGE = Words("转换后的文件过大：{0}", "The converted file is too large: {0}")

# -- what a document that is not a plan lacks (verdict.py): the parts of a refusal ---------

NO_NUMBERED_ITEMS = Words(
    "没有编号的条目（“一、”“1.”之类）", "it has no numbered items (such as “一、” or “1.”)"
)
NO_ANNOTATIONS = Words(
    "没有标注牵头或责任部门（“牵头单位：”“责任部门：”之类）",
    "no item names a lead or responsible department (such as “牵头单位：”)",
)
NO_TABLE_HEADER = Words(
    "没有可识别表头的任务表格（“工作任务”“责任单位”“完成时限”之类）",
    "it has no table whose header is known (such as “工作任务”, “责任单位”, “完成时限”)",
)
NO_PLAN_TITLE = Words(
    "标题不像工作要点（“工作要点”“任务分工”之类），编号的条目不能当作任务",
    "its title does not name a plan (such as “工作要点” or “任务分工”), "
    "so its numbered items are not read as tasks",
)
