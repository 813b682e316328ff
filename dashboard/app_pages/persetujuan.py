"""Persetujuan: the one approvals queue — approve, reject with a reason, or approve in bulk."""
from __future__ import annotations

import streamlit as st

from dashboard import auth, data, filters, fmt, maps, texts
from dashboard.client import ApiError, SessionExpired

PAGE_SIZE = 50
chosen = filters.current()
tz = data.me()["pemda"]["tz"]


def _key(item: dict, what: str) -> str:
    return f"{what}_{item['kind']}_{item['id']}"


def _flash(kind: str, message: str) -> None:
    st.session_state.setdefault("approval_flash", []).append((kind, message))


def _decide(item: dict, approve: bool) -> bool:
    """Send one decision; the outcome goes to the flash messages. True when accepted."""
    who = item["employee"]["name"]
    reason = "" if approve else st.session_state.get(_key(item, "reason"), "").strip()
    if not approve and not reason:
        _flash("warning", f"{who}: {texts.REASON_REQUIRED}")
        return False
    verb = "approve" if approve else "reject"
    try:
        data.client().post(f"/api/v1/approvals/{item['kind']}/{item['id']}/{verb}",
                           {"reason": reason})
    except SessionExpired as expired:
        auth.sign_out(expired.message)
        return False
    except ApiError as error:
        _flash("error", texts.DECISION_FAILED.format(who=who, message=error.message))
        return False
    st.session_state.pop(_key(item, "pick"), None)
    _flash("success", (texts.APPROVED if approve else texts.REJECTED).format(who=who))
    return True


def _on_decide(item: dict, approve: bool) -> None:
    if _decide(item, approve):
        data.forget()


def _checkin_body(item: dict) -> None:
    detail = item["checkin"]
    photo, where, facts = st.columns([1, 2, 2])
    with photo:
        if detail["selfie_url"]:
            st.image(data.image(detail["selfie_url"]), width=150)
        else:
            st.caption(texts.NO_SELFIE)
    with where:
        st.plotly_chart(maps.geofence_map(detail["geofence"], detail["lat"], detail["lon"],
                                          detail["accuracy_m"], height=230),
                        key=_key(item, "map"), config={"displayModeBar": False})
    with facts:
        if detail.get("purpose"):
            purpose = texts.PURPOSES.get(detail["purpose"], detail["purpose"])
            st.markdown(f"**{texts.PURPOSE}:** {purpose}")
        st.markdown(f"**{texts.NOTE}:** {detail['note'] or '–'}")
        if detail.get("offline"):  # the device's word for the capture time, beside ours
            st.warning(texts.OFFLINE_TIMES.format(
                captured=fmt.moment(detail["captured_at"], tz),
                received=fmt.moment(detail["recorded_at"], tz)))
        st.markdown(f"{texts.SIMILARITY}: **{fmt.score(detail['similarity'])}** · "
                    f"{texts.LIVENESS}: **{fmt.score(detail['liveness'])}**")
        st.markdown(f"{texts.DISTANCE}: **{fmt.metres(detail['distance_m'])}** · "
                    f"{texts.ACCURACY}: {fmt.metres(detail['accuracy_m'])}")
        if detail["is_mock"]:
            st.warning(texts.MOCK_FLAG)
        if detail["codes"]:
            st.caption(" · ".join(texts.CODE_NAMES.get(c, c) for c in detail["codes"]))
    _liveness_part(detail)


def _liveness_part(detail: dict) -> None:
    """What the liveness step found, and the challenge's frames beside the selfie: what a
    supervisor judges a SPOOF_REVIEW capture on."""
    path = detail.get("liveness_path")
    if path:
        outcome = (detail.get("challenge") or {}).get("outcome")
        st.caption(texts.CHALLENGE_LINE.format(
            path=texts.LIVENESS_PATHS.get(path, path),
            outcome=texts.CHALLENGE_OUTCOMES.get(outcome, "–") if outcome else
            texts.CODE_NAMES["SPOOF_REVIEW"] if "SPOOF_REVIEW" in detail["codes"] else "–"))
    if "SPOOF_REVIEW" in detail["codes"]:
        st.warning(texts.LIVENESS_REVIEW)
    if detail.get("frame_urls"):
        st.caption(texts.FRAMES)
        st.image([data.image(url) for url in detail["frame_urls"]], width=110)


def _absence_body(item: dict) -> None:
    detail = item["absence"]
    st.markdown(texts.ABSENCE_RANGE.format(code=detail["code_label"],
                                           start=fmt.day(detail["date_from"]),
                                           end=fmt.day(detail["date_to"]),
                                           days=detail["workdays"]))
    st.markdown(f"**{texts.NOTE}:** {detail['reason'] or '–'}")
    _document(item, detail["document_url"], "dokumen")


def _document(item: dict, url: str, name: str) -> None:
    """The item's supporting document, fetched when the button is clicked."""
    client = data.client()
    st.download_button(texts.DOCUMENT, data=lambda: client.get_bytes(url),
                       file_name=f"{name}-{item['id']}", key=_key(item, "doc"),
                       on_click="ignore", icon=":material/attach_file:")


def _device_body(item: dict) -> None:
    detail = item["device"]
    st.markdown(texts.NEW_DEVICE.format(uid=detail["device_uid"]))
    st.markdown(texts.CURRENT_DEVICES.format(devices=", ".join(detail["current_devices"])
                                             or "–"))
    st.markdown(f"**{texts.NOTE}:** {detail['note'] or '–'}")


def _cancellation_body(item: dict) -> None:
    detail = item["cancellation"]
    st.markdown(f"**{texts.NOTE}:** {detail['statement']}")
    st.markdown(texts.SUPERVISOR.format(name=detail["supervisor"]["name"]))
    st.markdown(texts.WITNESSES.format(names=", ".join(w["name"] for w in detail["witnesses"])))
    day = detail.get("day")
    if day:
        st.caption(f"{day['label']} · {fmt.clock(day['check_in_at'], tz)}–"
                   f"{fmt.clock(day['check_out_at'], tz)}")


def _face_body(item: dict) -> None:
    """The new photos beside the face in force, and how alike the two are."""
    detail = item["face"]
    new, current = st.columns(2)
    new.caption(texts.FACE_NEW.format(name=detail["enrolled_by"] or "–"))
    new.image([data.image(url) for url in detail["photos"]], width=110)
    current.caption(texts.FACE_CURRENT)
    if detail["current_photos"]:
        current.image([data.image(url) for url in detail["current_photos"]], width=110)
    else:
        current.caption(texts.FACE_NOT_KEPT)
    similarity = detail["similarity_to_current"]
    if similarity is not None:
        text = texts.FACE_SIMILARITY.format(score=fmt.score(similarity))
        (st.warning if similarity < 0.93 else st.markdown)(text)


def _campaign_excuse_body(item: dict) -> None:
    detail = item["campaign_excuse"]
    st.markdown(texts.EXCUSE_WHAT.format(campaign=detail["campaign_name"],
                                         day=fmt.day(detail["work_date"]),
                                         window=detail["window_label"]))
    st.markdown(f"**{texts.NOTE}:** {detail['reason']}")
    _document(item, detail["document_url"], "alasan")


BODIES = {"checkin": _checkin_body, "absence": _absence_body, "device": _device_body,
          "cancellation": _cancellation_body, "face": _face_body,
          "campaign_excuse": _campaign_excuse_body}


def _card(item: dict) -> None:
    employee = item["employee"]
    with st.container(border=True, key=_key(item, "card")):
        pick, head = st.columns([1, 12])
        pick.checkbox(texts.SELECT, key=_key(item, "pick"), label_visibility="collapsed")
        badge = f":blue-badge[{texts.KIND_NAMES[item['kind']]}]"
        head.markdown(f"**{employee['name']}** · NIP {employee['nip']} · {employee['jabatan']}"
                      f" · {employee['opd']['name']}  \n{badge} {item['summary']} · "
                      f"{texts.SUBMITTED.format(when=fmt.moment(item['submitted_at'], tz))}")
        BODIES[item["kind"]](item)
        approve, reason, reject = st.columns([2, 5, 2], vertical_alignment="bottom")
        approve.button(texts.APPROVE, key=_key(item, "approve"), type="primary",
                       on_click=_on_decide, args=(item, True), icon=":material/check:")
        reason.text_input(texts.REASON, key=_key(item, "reason"))
        reject.button(texts.REJECT, key=_key(item, "reject"), on_click=_on_decide,
                      args=(item, False), icon=":material/close:")


def _bulk(items: list[dict]) -> None:
    """Approve every ticked item, with progress; then show the shorter queue."""
    picked = [item for item in items if st.session_state.get(_key(item, "pick"))]
    if not st.button(texts.BULK_APPROVE.format(count=len(picked)), key="bulk_approve",
                     disabled=not picked, type="primary", icon=":material/done_all:"):
        return
    progress = st.progress(0.0)
    approved = 0
    for done, item in enumerate(picked, start=1):
        progress.progress(done / len(picked), texts.BULK_PROGRESS.format(done=done,
                                                                          total=len(picked)))
        approved += _decide(item, True)
        if not auth.signed_in():
            st.rerun()
    st.session_state["approval_flash"] = [
        ("success", texts.BULK_DONE.format(count=approved)),
        *[f for f in st.session_state.get("approval_flash", []) if f[0] != "success"]]
    data.forget()
    st.rerun()


st.title(texts.PERSETUJUAN_TITLE)
for kind, message in st.session_state.pop("approval_flash", []):
    getattr(st, kind)(message)
# the OPD filter narrows a wide scope; an atasan's team may span OPDs, so theirs is not cut
opd = chosen.opd if len(data.opds()) > 1 else None
queue = data.fresh("/api/v1/approvals", opd=opd, limit=PAGE_SIZE)
st.caption(texts.QUEUE_SIZE.format(total=queue["total"]))
if not queue["items"]:
    st.success(texts.QUEUE_EMPTY)
else:
    _bulk(queue["items"])
    for entry in queue["items"]:
        _card(entry)
