"""Edits a vanban .docx through LibreOffice's API, as a person would in LibreOffice Writer:
a paragraph added after a solution, a shortcoming's paragraph deleted, the computed number
line typed over, a tracked replacement (record changes on); then saves
it as "MS Word 2007 XML". Run by tests/tools/pull_office.rs with the system python3 and
python3-uno: lo_edit.py PIPE IN.docx OUT.docx; lo_edit.py comment IN.docx OUT.docx adds the
comment (see comment_as_word_writes_it)."""

import sys
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not answer on pipe " + pipe)


def set_author(ctx, given, family):
    config = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    access = config.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:comment w:id="7" w:author="Phó Giám đốc" w:date="2021-04-01T09:00:00Z" w:initials="PGĐ">'
    '<w:p><w:r><w:t>Xem lại thời hạn</w:t></w:r></w:p></w:comment></w:comments>')


def comment_as_word_writes_it(source, target):
    """LibreOffice 7.4 headless, driven through its API, aborts (an uncaught
    NoSuchElementException in Writer) when a document gets a comment, inserted or loaded; so
    the comment is written into the file the way Word writes it, and LibreOffice's own
    conversion (soffice --convert-to, which does not abort) has to carry it through its save."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename).decode("utf-8")
            if item.filename == "word/document.xml":
                # The run is split around the comment: its spaces must stay.
                data = data.replace("<w:t>", '<w:t xml:space="preserve">')
                data = data.replace("Trong năm 2021", (
                    '</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">'
                    'Trong năm 2021</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r>'
                    '<w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve">'), 1)
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", (
                    '<Override PartName="/word/comments.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'))
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", (
                    '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                    '</Relationships>'))
            new.writestr(item, data)
        new.writestr("word/comments.xml", COMMENTS)


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit("not in the document: " + text)
    return found


def main():
    if sys.argv[1] == "comment":
        comment_as_word_writes_it(sys.argv[2], sys.argv[3])
        return
    pipe, source, target = sys.argv[1:4]
    ctx = connect(pipe)
    set_author(ctx, "Lãnh đạo", "Sở")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    text = doc.getText()

    cursor = text.createTextCursorByRange(find(doc, "đơn vị chuyên môn tham mưu"))
    cursor.gotoEndOfParagraph(False)
    text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
    text.insertString(cursor, "- Nhiệm vụ, giải pháp khắc phục: Rà soát lại quy trình ban hành văn bản.", False)

    cursor = text.createTextCursorByRange(find(doc, "Có báo cáo phương án đơn giản hóa TTHC"))
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    cursor.goRight(1, True)
    cursor.setString("")

    find(doc, "Số:       /KH-SNV").setString("Số: 12/KH-SNV")

    doc.RecordChanges = True
    find(doc, "chuyên môn ").setString("thuộc Sở ")
    doc.RecordChanges = False

    doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)


main()
