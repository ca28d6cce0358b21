"""Who is using the app (classroom mode, issue #19): sign-in with OpenID Connect and the signed-in
user's view of the classroom.

Classroom mode is on when the app works on a database (``ARGMAP_DATABASE_URL``) AND sign-in is
configured (an ``[auth]`` section in ``.streamlit/secrets.toml``; see
``.streamlit/secrets.example.toml``). Sign-in is Streamlit's own ``st.login`` / ``st.user``: the
provider (Google Workspace, Microsoft Entra, Keycloak, or the demo-only mock of
``make class-server``) proves who the user is, and :func:`classroom.sign_in` turns the identity
token's subject into the user's row. The user's id is kept in the session only (never taken from
the address or a form), and every database call runs with it, so the database's row-level
security shows the user only what is theirs to see.

The folder library (``make run``) has no people: no sign-in, nothing here runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import streamlit as st

from argmap.stores import database_url

if TYPE_CHECKING:  # psycopg is imported only when a database is used
    from argmap.services import classroom

#: The session key of the signed-in :class:`classroom.User`.
SIGNED_IN = "classroom_user"
#: The classroom's clock, which alone decides what is due and what is late (None: the system's);
#: the tests set a fake one.
CLOCK: Callable[[], datetime] | None = None


def sign_in_configured() -> bool:
    """True when the app's secrets have an ``[auth]`` section (the OIDC provider to sign in with)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file, or one that cannot be read: no sign-in
        return False


def classroom_mode() -> bool:
    """True when the app serves a class: a database and a sign-in provider are configured."""
    return database_url() is not None and sign_in_configured()


def signed_in() -> bool:
    return bool(st.user.is_logged_in)


def sign_in_page() -> None:
    """The page a visitor who has not signed in sees; ends the run."""
    st.title("argmap")
    st.markdown(
        "Argument maps for your class: your own maps, the assignments your teacher sets, their "
        "comments on your points and, once released, your marks."
    )
    if st.button("Sign in", key="sign_in", type="primary", icon=":material/login:"):
        st.login()
    st.caption("You sign in with your school account; argmap keeps your name and e-mail address.")
    st.stop()


def user() -> classroom.User:
    """The signed-in user's row, made or found once per session from the identity token's claims."""
    known = st.session_state.get(SIGNED_IN)
    subject = str(st.user.get("sub") or "")
    if known is None or st.session_state.get(f"{SIGNED_IN}_sub") != subject:
        from argmap.services import classroom

        email = str(st.user.get("email") or "")
        name = str(st.user.get("name") or email)
        known = classroom.sign_in(_url(), subject=subject, email=email, name=name)
        st.session_state[SIGNED_IN] = known
        st.session_state[f"{SIGNED_IN}_sub"] = subject
    return known


def room() -> classroom.Classroom:
    """The classroom as the signed-in user sees it (every call runs with their id)."""
    from argmap.services import classroom

    return classroom.Classroom(_url(), user().id, clock=CLOCK)


def forget() -> None:
    """Forget the signed-in user (before signing out)."""
    for key in (SIGNED_IN, f"{SIGNED_IN}_sub"):
        st.session_state.pop(key, None)


def _url() -> str:
    url = database_url()
    if url is None:  # classroom_mode() is checked before any page runs
        raise RuntimeError("classroom mode without a database")
    return url
