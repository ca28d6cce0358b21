"""Class page (classroom mode): the classes the user teaches or belongs to, with their members;
create a class (its teacher shares the join code, or adds people by e-mail), join one with a code."""

from __future__ import annotations

import streamlit as st

from argmap.errors import ClassroomError
from argmap.ui import people
from argmap.ui.common import act, md, notify, show_messages

ROLES = ("student", "teacher")


def _create() -> None:
    name = st.session_state.get("class_new_name", "").strip()
    if not name:
        raise ClassroomError("give the class a name")
    made = people.room().create_class(name)
    notify(
        f"Made the class {made.name!r}: share the join code {made.join_code} with your students.", "classes"
    )


def _join() -> None:
    code = st.session_state.get("class_join_code", "").strip()
    if not code:
        raise ClassroomError("type the join code your teacher gave you")
    joined = people.room().join(code)
    notify(f"You joined {joined.name!r}.", "classes")


def _add(class_id: int) -> None:
    email = st.session_state.get(f"class_{class_id}_add_email", "").strip()
    if not email:
        raise ClassroomError("type the e-mail address of the person to add")
    role = st.session_state.get(f"class_{class_id}_add_role", "student")
    member = people.room().add_member(class_id, email, role)
    notify(f"Added {member.email} as a {member.role}.", f"class_{class_id}")


def _classmates(class_id: int) -> None:
    people.room().set_classmates_comment(class_id, bool(st.session_state.get(f"class_{class_id}_classmates")))


st.title("Classes")
show_messages()
room = people.room()
classes = room.my_classes()
listing, side = st.columns([3, 2], gap="large")
with side:
    with st.form("class_new", border=True, clear_on_submit=True):
        st.markdown("**Make a class** (you will be its teacher)")
        st.text_input("Name of the class", key="class_new_name", placeholder="GS-2 batch, Monday evenings")
        st.form_submit_button("Make the class", type="primary", on_click=act(_create, place="classes"))
    with st.form("class_join", border=True, clear_on_submit=True):
        st.markdown("**Join a class**")
        st.text_input("Join code", key="class_join_code", placeholder="the code your teacher gave you")
        st.form_submit_button("Join", on_click=act(_join, place="classes"))
    show_messages("classes")
with listing:
    if not classes:
        st.info("You are in no class yet: join one with the code your teacher gave you, or make one.")
    for info in classes:
        with st.container(border=True, key=f"class_{info.id}"):
            st.subheader(md(info.name))
            if info.role == "teacher":
                st.markdown(f"You teach this class. Join code: `{info.join_code}`")
            else:
                st.caption("You are a student in this class.")
            members = room.members(info.id)
            st.table(
                [
                    {
                        "Name": member.name or "(not signed in yet)",
                        "E-mail": member.email,
                        "Role": member.role,
                    }
                    for member in members
                ],
                hide_index=True,
            )
            if info.role == "teacher":
                st.toggle(
                    "Classmates may comment on the maps published to the class",
                    value=info.classmates_comment,
                    key=f"class_{info.id}_classmates",
                    on_change=act(_classmates, info.id, place=f"class_{info.id}"),
                )
                with st.form(f"class_{info.id}_add", border=False, clear_on_submit=True):
                    email, role, button = st.columns([3, 1, 1], vertical_alignment="bottom")
                    email.text_input("Add by e-mail", key=f"class_{info.id}_add_email")
                    role.selectbox("as", ROLES, key=f"class_{info.id}_add_role")
                    button.form_submit_button("Add", on_click=act(_add, info.id, place=f"class_{info.id}"))
            show_messages(f"class_{info.id}")
