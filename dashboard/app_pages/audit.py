"""Log audit (admin): who did what to whom and when, filtered by actor, target employee,
action and dates; one entry's before and after side by side; and the hash chain verified
against the last signed checkpoint."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import data, fmt, texts

tz = data.me()["pemda"]["tz"]
today = date.fromisoformat(data.today())
st.title(texts.PAGE_AUDIT)

check, result = st.columns([1, 3], vertical_alignment="center")
if check.button(texts.AUDIT_VERIFY, key="audit_verify", icon=":material/verified:"):
    report = data.fresh("/api/v1/audit/verify")
    signed = report["checkpoint"]
    where = (texts.AUDIT_CHECKPOINT.format(entry=signed["entry_id"],
                                           when=fmt.moment(signed["at"], tz))
             if signed else texts.AUDIT_NO_CHECKPOINT)
    if report["ok"]:
        result.success(texts.AUDIT_OK.format(entries=report["entries"], checkpoint=where))
    else:
        broken = (texts.AUDIT_BROKEN_AT.format(entry=report["broken_id"])
                  if report["broken_id"] else "")
        result.error(texts.AUDIT_BROKEN.format(problem=report["problem"], at=broken,
                                               checkpoint=where))

with st.form("audit_filter"):
    a, b, c = st.columns(3)
    actor_nip = a.text_input(texts.AUDIT_ACTOR, key="audit_actor")
    target_nip = b.text_input(texts.AUDIT_TARGET, key="audit_target")
    action = c.text_input(texts.AUDIT_ACTION, key="audit_action", help=texts.AUDIT_ACTION_HELP)
    d, e = st.columns(2)
    first = d.date_input(texts.AUDIT_FROM, value=today - timedelta(days=30), key="audit_from",
                         format="DD/MM/YYYY")
    last = e.date_input(texts.AUDIT_TO, value=today, key="audit_to", format="DD/MM/YYYY")
    st.form_submit_button(texts.AUDIT_SHOW, type="primary")


def _employee_id(nip: str) -> int | None | bool:
    """The employee with this NIP (False: nobody has it)."""
    if not nip.strip():
        return None
    found = data.fresh("/api/v1/employees", q=nip.strip(), limit=5)["items"]
    exact = [e for e in found if e["nip"] == nip.strip().replace(" ", "")]
    return exact[0]["id"] if exact else False


query = {"from": first.isoformat(), "to": last.isoformat(), "limit": 200}
actor, target = _employee_id(actor_nip), _employee_id(target_nip)
if actor is False or target is False:
    st.warning(texts.AUDIT_UNKNOWN_NIP)
    st.stop()
if actor is not None:
    query["actor"] = actor
if target is not None:
    query.update(entity="employee", entity_id=str(target))
if action.strip():
    query["action"] = action.strip()
page = data.fresh("/api/v1/audit", **query)
st.caption(texts.AUDIT_FOUND.format(total=page["total"], shown=len(page["items"])))
if not page["items"]:
    st.info(texts.NO_DATA)
    st.stop()
entries = pd.DataFrame([{
    texts.AUDIT_COLUMNS["id"]: e["id"], texts.AUDIT_COLUMNS["at"]: fmt.moment(e["at"], tz),
    texts.AUDIT_COLUMNS["actor"]: e["actor_name"] or texts.AUDIT_SYSTEM,
    texts.AUDIT_COLUMNS["action"]: e["action"],
    texts.AUDIT_COLUMNS["entity"]: f"{e['entity']} #{e['entity_id']}",
    texts.AUDIT_COLUMNS["evidence"]: e["evidence"] or "–"} for e in page["items"]])
st.dataframe(entries, hide_index=True, key="audit_table")
labels = {e["id"]: f"#{e['id']} · {e['action']} · {fmt.moment(e['at'], tz)}"
          for e in page["items"]}
picked = st.selectbox(texts.AUDIT_PICK, list(labels), key="audit_pick", format_func=labels.get)
entry = next(e for e in page["items"] if e["id"] == picked)
before, after = st.columns(2)
before.markdown(f"**{texts.AUDIT_BEFORE}**")
before.json(entry["before"] if entry["before"] is not None else {}, expanded=True)
after.markdown(f"**{texts.AUDIT_AFTER}**")
after.json(entry["after"] if entry["after"] is not None else {}, expanded=True)
st.caption(texts.AUDIT_HASH.format(prev=entry["prev_hash"][:16], hash=entry["hash"][:16]))
