"""Face enrolment on Kelola pegawai: 1–5 photos, each shown with the engine's verdict (too
small, blurry, two faces, spoof suspected...). A first enrolment takes effect at once; a
re-enrolment waits for the head of the OPD or an admin (Persetujuan)."""
from __future__ import annotations

import streamlit as st

from dashboard import data, fmt, forms, texts, uploads

MAX_PHOTOS = 5


def photo_verdicts(count: int, details) -> list[list[str]]:
    """Each photo's reasons from a refused enrolment (empty: the photo was fine) (pure)."""
    verdicts: list[list[str]] = [[] for _ in range(count)]
    for problem in (details or {}).get("photos", []) if isinstance(details, dict) else []:
        if 0 <= problem.get("index", -1) < count:
            verdicts[problem["index"]] = problem.get("messages") or problem.get("reasons", [])
    return verdicts


def enrolment(employee: dict) -> None:
    form = f"face_{employee['id']}"
    key = f"face_photos_{employee['id']}"
    face = data.fresh(f"/api/v1/employees/{employee['id']}/face")
    tz = data.me()["pemda"]["tz"]
    if face["enrolled"]:
        st.caption(texts.FACE_ENROLLED.format(count=face["photo_count"],
                                              when=fmt.moment(face["enrolled_at"], tz),
                                              model=face["model_version"]))
    else:
        st.info(texts.FACE_NOT_YET)
    if face["pending"]:
        st.warning(texts.FACE_PENDING.format(when=fmt.moment(face["pending"]["enrolled_at"], tz)))
        return
    photos = uploads.staged(key, texts.FACE_PHOTOS, ["jpg", "jpeg", "png"], multiple=True,
                            help=texts.FACE_PHOTOS_HELP,
                            on_new=lambda: forms.forget(form))
    forms.refusal(form)
    details = forms.details(form)
    judged = isinstance(details, dict) and "photos" in details
    for column, (name, content), verdict in zip(st.columns(MAX_PHOTOS), photos[:MAX_PHOTOS],
                                                photo_verdicts(len(photos), details),
                                                strict=False):
        column.image(content, caption=name, width="stretch")
        if verdict:
            column.markdown("\n\n".join(f":red[{line}]" for line in verdict))
        elif judged:
            column.markdown(f":green[{texts.FACE_PHOTO_OK}]")
    if len(photos) > MAX_PHOTOS:
        st.warning(texts.FACE_TOO_MANY.format(max=MAX_PHOTOS))
    if isinstance(details, dict) and "employee" in details:
        st.error(texts.FACE_OTHER.format(**details["employee"]))
    label = texts.FACE_REENROL if face["enrolled"] else texts.FACE_ENROL
    if not st.button(label, key=f"{form}_send", type="primary", disabled=not photos,
                     icon=":material/face:"):
        return
    files = [("photos", (name, content)) for name, content in photos]
    forms.send(form, lambda: data.client().write(
        "POST", f"/api/v1/employees/{employee['id']}/face", files=files),
        lambda a: texts.FACE_WAITING if a["pending"] else texts.FACE_DONE.format(
            name=employee["name"]))
    uploads.clear(key)
    st.rerun()
