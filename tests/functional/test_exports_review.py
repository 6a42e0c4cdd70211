"""The review screen: each proposal's text and context, verdicts that return to the same
item, the redacted preview, a PDF's pages with their boxes, and the refusal's real cause."""

from __future__ import annotations

import html
import json
import re

import pymupdf
from sqlalchemy import select

from intake import users
from intake.models import AuditEvent, User
from tests.functional.export_support import (
    TEXT,
    actions,
    documents,
    exports_of,
    start_export,
    upload,
    wait_jobs,
)
from tests.functional.web_support import (
    make_staff,
    post,
    seed_matter,
    sign_in,
)

RECIPIENT = "County Victim Services"
IDENTIFIERS = ("Marisol", "Quintanilla", "555-0187", "mari.qr", "Ostrander", "Barrowcliffe")
PDF_LINES = [line.strip() + "." for line in TEXT.split(".") if line.strip()]


def _ready(engine_app, svc, kind="txt"):
    advocate = make_staff(svc, "advocate")
    first, second = make_staff(svc, "attorney"), make_staff(svc, "attorney")
    seeded = seed_matter(svc, advocate, first, second)
    client = engine_app.test_client()
    sign_in(client, advocate)
    if kind == "pdf":
        from tests.unit.formats.builders import reportlab_pdf

        body, name = reportlab_pdf(PDF_LINES, author="M. Q."), "statement.pdf"
    elif kind == "docx":
        from tests.unit.formats.builders import base_docx

        body, name = base_docx(*PDF_LINES, author="M. Q."), "statement.docx"
    else:
        body, name = TEXT.encode(), "statement.txt"
    assert upload(client, seeded.matter_id, [(body, name)],
                  subject_id=seeded.subject_id).status_code == 302
    doc = documents(svc, seeded.matter_id)[0]
    assert start_export(client, seeded.matter_id, [doc.id], RECIPIENT).status_code == 302
    wait_jobs(engine_app)
    export = exports_of(svc)[0]
    assert export.status == "review"
    return client, (advocate, first, second), seeded, export, body


def _find(pattern: str, page: str, group: int = 1) -> str:
    found = re.search(pattern, page, re.S)
    assert found, pattern
    return found.group(group)


def _row(page: str, anchor: str) -> str:
    return _find(rf'<tr class="proposal ([a-z]+)" id="{anchor}".*?</tr>', page, 0)


def _page(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


def _number(export, item) -> int:
    return export.proposals["items"].index(item) + 1


def _key(item) -> dict:
    return {k: item[k] for k in ("u", "s", "e", "cat")}


def _stranger(export, length=len("Gwendolyn Barrowcliffe")):
    return next(p for p in export.proposals["items"]
                if p["cat"] == "PERSON" and "private" in p["why"] and p["e"] - p["s"] == length)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_each_proposal_shows_its_text_and_context_beside_a_redacted_preview(engine_app, svc):
    client, _staff, _seeded, export, _body = _ready(engine_app, svc)
    page = client.get(f"/exports/{export.id}").get_data(as_text=True)
    stranger = _stranger(export)
    row = _row(page, f"p-{_number(export, stranger)}")
    assert "proposal pending" in row and "Pending" in row
    context = _text(_find(r'<td class="context">(.*?)</td>', row))
    assert "Gwendolyn Barrowcliffe" in context and "A neighbour" in context
    assert "statement.txt" in page  # members see the file's own name
    preview = _text(_find(r'<pre class="doc-preview">(.*?)</pre>', page))
    original = _text(_find(r'<pre class="doc-text"[^>]*>(.*?)</pre>', page))
    assert original == TEXT
    for value in IDENTIFIERS:
        assert value not in preview, value
    assert stranger["rep"] in preview and "saw the car" in preview


def test_verdicts_return_to_the_same_item_and_look_different(engine_app, svc):
    client, _staff, _seeded, export, _body = _ready(engine_app, svc)
    review = f"/exports/{export.id}"
    stranger = _stranger(export)
    n = _number(export, stranger)
    sha = export.output_sha256

    resp = post(client, f"{review}/reject", _key(stranger), form_path=review)
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"{review}#p-{n}")
    page = client.get(review).get_data(as_text=True)
    row = _row(page, f"p-{n}")
    assert 'class="proposal rejected"' in row and "Rejected by" in row and "<s>" in row
    assert f"Undo #{n}" in row and f"Accept #{n}" in row and f"Reject #{n}" not in row
    preview = _text(_find(r'<pre class="doc-preview">(.*?)</pre>', page))
    assert "Gwendolyn Barrowcliffe" in preview  # a rejected proposal stays in clear
    rejected_sha = exports_of(svc)[0].output_sha256
    assert rejected_sha != sha

    # Accepting it again writes the output again; accepting a pending one changes nothing.
    resp = post(client, f"{review}/accept", _key(stranger), form_path=review)
    assert resp.headers["Location"].endswith(f"#p-{n}")
    assert exports_of(svc)[0].output_sha256 == sha
    other = next(p for p in export.proposals["items"] if p is not stranger)
    post(client, f"{review}/reviewed", form_path=review)
    post(client, f"{review}/accept", _key(other), form_path=review)
    after = exports_of(svc)[0]
    assert after.output_sha256 == sha and after.reviewed_by is not None
    page = client.get(review).get_data(as_text=True)
    assert 'class="proposal accepted"' in _row(page, f"p-{n}")
    assert 'class="redaction accepted"' in page

    resp = post(client, f"{review}/restore", _key(stranger), form_path=review)
    assert resp.headers["Location"].endswith(f"#p-{n}")
    page = client.get(review).get_data(as_text=True)
    assert 'class="proposal pending"' in _row(page, f"p-{n}")
    assert "1 accepted" in page and "0 rejected" in page
    steps = [a for a, _o in actions(svc, export.id)]
    assert {"export.reject", "export.accept", "export.restore"} <= set(steps)
    with svc.sessions() as s:
        details = " ".join(e.details or "" for e in s.scalars(select(AuditEvent)))
    assert not any(v in details for v in IDENTIFIERS)


def test_an_unknown_proposal_is_not_accepted(engine_app, svc):
    client, _staff, _seeded, export, _body = _ready(engine_app, svc)
    review = f"/exports/{export.id}"
    page = post(client, f"{review}/accept", {"u": 0, "s": 1, "e": 2, "cat": "PERSON"},
                form_path=review, follow_redirects=True).get_data(as_text=True)
    assert "Not changed: no such proposal." in page
    assert not (exports_of(svc)[0].decisions or {}).get("accepted")


def test_the_page_names_what_stops_an_approval(engine_app, svc):
    client, (_adv, first, _second), _seeded, export, _body = _ready(engine_app, svc)
    review = f"/exports/{export.id}"
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    blockers = _find(r'id="approval-blockers">(.*?)</div>', _page(attorney, review))
    assert "has not been reviewed" in blockers and "leak check" not in blockers
    known = next(p for p in export.proposals["items"] if p["det"].startswith("case"))
    post(client, f"{review}/reject", _key(known), form_path=review)
    post(client, f"{review}/reviewed", form_path=review)
    blockers = _find(r'id="approval-blockers">(.*?)</div>', _page(attorney, review))
    assert "leak check failed" in blockers and "reviewed" not in blockers
    post(client, f"{review}/accept", _key(known), form_path=review)  # the leak is gone
    post(client, f"{review}/reviewed", form_path=review)
    assert 'id="approval-blockers"' not in attorney.get(review).get_data(as_text=True)


def test_a_pdf_is_reviewed_as_its_pages_with_the_boxes_to_burn_in(engine_app, svc):
    client, _staff, _seeded, export, body = _ready(engine_app, svc, kind="pdf")
    review = f"/exports/{export.id}"
    page = client.get(review).get_data(as_text=True)
    stranger = _stranger(export)
    anchor = f"p-{_number(export, stranger)}"
    boxes = re.findall(r'<rect class="box ([a-z]+)" data-item="([pa]-\d+)" x="([\d.]+)" '
                       r'y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', page)
    assert {b[1] for b in boxes} == {f"p-{i}" for i in range(1, len(export.proposals["items"])
                                                          + 1)}
    # The stranger's box lies over the stranger's name on the page.
    with pymupdf.open(stream=body, filetype="pdf") as doc:
        where = doc[0].search_for("Gwendolyn Barrowcliffe")
    assert where
    mine = [pymupdf.Rect(float(x), float(y), float(x) + float(w), float(y) + float(h))
            for _s, a, x, y, w, h in boxes if a == anchor]
    assert any(abs(r & where[0]) > 0.5 * abs(where[0]) for r in mine)

    original = client.get(f"{review}/pages/1/original.png")
    redacted = client.get(f"{review}/pages/1/redacted.png")
    for resp in (original, redacted):
        assert resp.status_code == 200 and resp.mimetype == "image/png"
        assert resp.data.startswith(b"\x89PNG") and "no-store" in resp.headers["Cache-Control"]
    assert original.data != redacted.data
    for bad in ("pages/2/original.png", "pages/0/original.png", "pages/1/other.png",
                "pages/x/original.png", "pages/-1/redacted.png", "pages/%C2%B2/original.png"):
        assert client.get(f"{review}/{bad}").status_code == 404, bad

    # A rejected proposal's box is drawn as kept, and the output page is written again.
    post(client, f"{review}/reject", _key(stranger), form_path=review)
    page = client.get(review).get_data(as_text=True)
    assert f'<rect class="box rejected" data-item="{anchor}"' in page
    again = client.get(f"{review}/pages/1/redacted.png")
    assert again.status_code == 200 and again.data != redacted.data


def test_each_page_image_shown_is_recorded_with_ids_and_its_number(engine_app, svc):
    client, (advocate, *_), _seeded, export, _body = _ready(engine_app, svc, kind="pdf")
    review = f"/exports/{export.id}"
    for path in ("pages/1/original.png", "pages/1/redacted.png", "pages/1/original.png"):
        assert client.get(f"{review}/{path}").status_code == 200, path
    assert client.get(f"{review}/pages/2/original.png").status_code == 404  # no such page
    with svc.sessions() as session:
        seen = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "export.page_view").order_by(AuditEvent.seq)))
    # one event per image served, as the review page records each of its own loads
    assert [json.loads(e.details or "{}") for e in seen] == [
        {"export": export.id, "page": 1, "view": view}
        for view in ("original", "redacted", "original")]
    for event in seen:
        assert (event.actor, event.object_type, event.object_id, event.matter_id) == (
            f"user:{advocate.id}", "document", export.document_id, export.matter_id)
        assert event.outcome == "ok"
        assert not any(value in (event.details or "") for value in IDENTIFIERS)


def test_the_review_names_who_decided(engine_app, svc):
    client, (advocate, *_), _seeded, export, _body = _ready(engine_app, svc)
    with svc.sessions() as session:
        users.rename_user(session.get(User, advocate.id), "Keziah Mwangi")
        session.commit()
    review = f"/exports/{export.id}"
    stranger = _stranger(export)
    post(client, f"{review}/reject", _key(stranger), form_path=review)
    row = _row(client.get(review).get_data(as_text=True), f"p-{_number(export, stranger)}")
    assert f"Rejected by Keziah Mwangi &lt;{advocate.email}&gt; (advocate): stays in clear" in row


def test_a_text_export_has_no_page_images(engine_app, svc):
    client, _staff, _seeded, export, _body = _ready(engine_app, svc)
    assert client.get(f"/exports/{export.id}/pages/1/original.png").status_code == 404
    assert 'id="pages"' not in client.get(f"/exports/{export.id}").get_data(as_text=True)


def test_a_docx_is_reviewed_as_text_beside_its_preview(engine_app, svc):
    client, _staff, _seeded, export, _body = _ready(engine_app, svc, kind="docx")
    page = _page(client, f"/exports/{export.id}")
    stranger = _stranger(export)
    context = _text(_find(r'<td class="context">(.*?)</td>',
                          _row(page, f"p-{_number(export, stranger)}")))
    assert "Gwendolyn Barrowcliffe" in context
    originals = [_text(t) for t in re.findall(r'<pre class="doc-text"[^>]*>(.*?)</pre>', page,
                                                re.S)]
    previews = [_text(t) for t in re.findall(r'<pre class="doc-preview">(.*?)</pre>', page,
                                               re.S)]
    assert len(originals) == len(previews) == export.proposals["units"]
    assert "Gwendolyn Barrowcliffe" in " ".join(originals)
    for value in IDENTIFIERS:
        assert value not in " ".join(previews), value
    assert 'id="pages"' not in page


def test_non_members_get_404_on_every_review_route(engine_app, svc):
    _client, _staff, _seeded, export, _body = _ready(engine_app, svc, kind="pdf")
    outsider = make_staff(svc, "attorney")
    seed_matter(svc, outsider, caption="Doe v. Other Motel")
    client = engine_app.test_client()
    sign_in(client, outsider)
    review = f"/exports/{export.id}"
    item = _key(export.proposals["items"][0])
    for path in ("", "/pages/1/original.png", "/pages/1/redacted.png"):
        assert client.get(review + path).status_code == 404, path
    for action in ("accept", "reject", "restore"):
        assert post(client, f"{review}/{action}", item, form_path="/matters").status_code == 404
    assert not (exports_of(svc)[0].decisions or {}).get("accepted")
    denied = [a for a in actions(svc, export.id) if a[0] == "access.denied"]
    assert len(denied) >= 6
    anonymous = engine_app.test_client()
    resp = anonymous.get(f"{review}/pages/1/original.png")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
