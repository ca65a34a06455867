"""runstate.js, an incident run as JSON, Markdown and a link fragment: round trips, and every
way in refusing hostile input with a message while leaving nothing changed."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from browsing import Visit

SITE = "AdvisorOS Operations"
RUNBOOK = "page:operations/RUNBOOK.md"
UNCHANGED = "Nothing was changed."
SNAPSHOT: dict[str, Any] = {
    "format": "playbook-run",
    "version": 1,
    "site": SITE,
    "exported": "2026-11-27T16:00:00.000Z",
    "run": {
        "id": "INC-2041",
        "start": "2026-11-27T13:02:00.000Z",
        "severity": "SEV-2",
        "closed": "2026-11-27T15:40:00.000Z",
    },
    "scopes": {
        "site": {
            "severity": {"value": "SEV-2", "at": "2026-11-27T13:02:00.000Z"},
            "field:client": "Zürich — ✓",
            "field:impact": "Invoices delayed",
        },
        RUNBOOK: {
            "a1b2c3d4e5f6": "2026-11-27T13:05:30.000Z",
            "0123456789ab": False,
            "ffeeddccbbaa": "2026-11-27T13:20:00.000Z",
        },
        "page:operations/DEPLOYMENT_GUIDE.md": {"aaaaaaaaaaaa": "2026-11-27T14:00:00.000Z"},
        "page:index.md": {"bbbbbbbbbbbb": False},
    },
    # Out of order, as a late note is logged; two events share 13:05:30.
    "events": [
        {"at": "2026-11-27T15:40:00.000Z", "kind": "close", "text": "Run closed", "page": ""},
        {
            "at": "2026-11-27T13:05:30.000Z",
            "kind": "tick",
            "text": "Ticked: Freeze deployments",
            "page": "Runbook",
        },
        {
            "at": "2026-11-27T13:02:00.000Z",
            "kind": "declare",
            "text": "Incident INC-2041 declared (SEV-2)",
            "page": "",
        },
        {
            "at": "2026-11-27T13:05:30.000Z",
            "kind": "note",
            "text": "Client in Zürich — ✓ called\nback at 13:04",
            "page": "",
        },
        {
            "at": "2026-11-27T13:20:00.000Z",
            "kind": "copy",
            "text": "Copied the internal update",
            "page": "Incident Response Playbook",
        },
    ],
}


@pytest.fixture(scope="module")
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """The run page (the one page that loads runstate.js), once for the whole module: the
    functions under test are pure."""
    context = browser.new_context()
    page = context.new_page()
    opened = Visit(page)
    page.on("pageerror", lambda error: opened.errors.append(f"{error}\n{error.stack or ''}"))
    page.goto(site_url + "incident-run.html")
    page.wait_for_function("() => window.playbook.runState !== undefined")
    yield opened
    context.close()


@pytest.fixture
def api(visit: Visit) -> Callable[..., Any]:
    """Evaluates `expression` with `R` the module and `args` the extra arguments; no page errors."""

    def call(expression: str, *args: Any) -> Any:
        script = f"async (args) => {{ const R = window.playbook.runState; return {expression}; }}"
        result = visit.page.evaluate(script, list(args))
        assert visit.errors == []
        return result

    return call


def snapshot(**changes: Any) -> dict[str, Any]:
    """A deep copy of SNAPSHOT with top-level `changes`."""
    return {**copy.deepcopy(SNAPSHOT), **changes}


def refused(result: dict[str, Any], *fragments: str) -> str:
    assert result["ok"] is False, result
    assert result["error"].endswith(UNCHANGED), result
    for fragment in fragments:
        assert fragment in result["error"], result
    return str(result["error"])


def test_the_module_is_frozen_and_names_its_limits(api: Callable[..., Any]) -> None:
    assert api("[R.VERSION, Object.isFrozen(R), Object.isFrozen(R.LIMITS)]") == [1, True, True]
    limits = api("R.LIMITS")
    assert {name: limits[name] for name in ("scopes", "keysPerScope", "events", "fragment")} == {
        "scopes": 500,
        "keysPerScope": 2000,
        "events": 5000,
        "fragment": 32000,
    }
    assert (limits["jsonText"], limits["unpackedBytes"]) == (2_000_000, 1_000_000)


def test_json_export_round_trips_into_a_new_object(api: Callable[..., Any]) -> None:
    text = api("R.toJSON(args[0])", SNAPSHOT)
    assert text.startswith('{\n  "format": "playbook-run",\n  "version": 1,\n')
    assert json.loads(text) == SNAPSHOT
    assert api("R.fromJSON(args[0], args[1])", text, SITE) == {"ok": True, "snapshot": SNAPSHOT}
    # validate() copies: changing its result leaves the input as it was.
    assert api(
        "(() => { const s = args[0]; const out = R.validate(s, args[1]).snapshot;"
        " out.run.id = 'X'; out.scopes.site['field:client'] = 'Y'; out.events.pop();"
        " return out !== s && s.run.id === 'INC-2041' && s.events.length === 5"
        " && s.scopes.site['field:client'] === 'Zürich — ✓'; })()",
        SNAPSHOT,
        SITE,
    )


def test_fragment_round_trips_with_non_ascii_text(api: Callable[..., Any]) -> None:
    fragment = api("R.encodeFragment(args[0])", SNAPSHOT)
    prefix, _, body = fragment.partition(".")
    assert prefix == "playbook-run=1"
    assert body and set(body) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
    for hash_ in (fragment, "#" + fragment):
        assert api("R.decodeFragment(args[0], args[1])", hash_, SITE) == {
            "ok": True,
            "snapshot": SNAPSHOT,
        }


@pytest.mark.parametrize("hash_", ["", "#", "#section-2", "#playbook-run", "#playbook-runs=1.AA"])
def test_other_anchors_are_not_taken_for_a_run(api: Callable[..., Any], hash_: str) -> None:
    assert api("R.decodeFragment(args[0], args[1])", hash_, SITE) is None


@pytest.mark.parametrize(
    "tamper",
    [
        "f.slice(0, 40) + f.slice(40, 46).split('').reverse().join('') + f.slice(46)",
        "f.slice(0, -12)",
        "f + 'AAAA'",
        "f.slice(0, 30) + '!' + f.slice(31)",
        "f.replace('playbook-run=1.', 'playbook-run=1x.')",
        "f.replace('playbook-run=1.', 'playbook-run=0.')",
    ],
    ids=["flipped", "truncated", "junk-after", "not-base64url", "bad-prefix", "old-version"],
)
def test_a_tampered_fragment_is_refused(api: Callable[..., Any], tamper: str) -> None:
    result = api(
        f"R.encodeFragment(args[0]).then((f) => R.decodeFragment({tamper}, args[1]))",
        SNAPSHOT,
        SITE,
    )
    refused(result, "link")


# Spies on the decoding steps, restored before the call returns.
SPIED_DECODE = """(async () => {
  const saved = [window.DecompressionStream, window.atob];
  const calls = [];
  window.DecompressionStream = function (format) {
    calls.push("inflate");
    return new saved[0](format);
  };
  window.atob = (text) => {
    calls.push("atob");
    return saved[1].call(window, text);
  };
  try {
    return [await R.decodeFragment(args[0], args[1]), calls];
  } finally {
    [window.DecompressionStream, window.atob] = saved;
  }
})()"""

# A valid run padded with 5 MB of one character, packed as encodeFragment would pack it.
ZIP_BOMB = """(async () => {
  const text = JSON.stringify(Object.assign({}, args[0], { pad: "a".repeat(5e6) }));
  const packed = await new Response(
    new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"))
  ).arrayBuffer();
  let binary = "";
  new Uint8Array(packed).forEach((byte) => (binary += String.fromCharCode(byte)));
  const body = btoa(binary).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const hash = "#playbook-run=1." + body;
  return [hash.length, await R.decodeFragment(hash, args[1])];
})()"""


def test_an_oversized_fragment_is_refused_before_any_decoding(api: Callable[..., Any]) -> None:
    result, calls = api(SPIED_DECODE, "#playbook-run=1." + "A" * 32000, SITE)
    refused(result, "32,015 characters", "32,000")
    assert calls == []
    # The spies do see a fragment within the limit being decoded.
    assert api(SPIED_DECODE, "#playbook-run=1.AA", SITE)[1] == ["atob", "inflate"]


def test_a_zip_bomb_is_cut_off_at_the_unpacked_limit(api: Callable[..., Any]) -> None:
    # Without the cap it would be accepted, since validate() drops the unknown field.
    fragment_length, result = api(ZIP_BOMB, SNAPSHOT, SITE)
    assert fragment_length < 32000
    refused(result, "more than 1,000,000 bytes")


def test_another_sites_state_is_refused(api: Callable[..., Any]) -> None:
    other = snapshot(site="Another Site")
    for result in (
        api("R.fromJSON(args[0], args[1])", json.dumps(other), SITE),
        api("R.encodeFragment(args[0]).then((f) => R.decodeFragment(f, args[1]))", other, SITE),
    ):
        refused(result, '"Another Site"', f'"{SITE}"', "a different site's state is refused")


def test_a_newer_version_is_refused(api: Callable[..., Any]) -> None:
    newer = "made by a newer version of the site"
    refused(api("R.fromJSON(args[0], args[1])", json.dumps(snapshot(version=2)), SITE), newer)
    fragment = api("R.encodeFragment(args[0])", SNAPSHOT).replace("=1.", "=2.", 1)
    refused(api("R.decodeFragment(args[0], args[1])", fragment, SITE), newer)


POLLUTERS = [
    '{"__proto__": {"polluted": 1}}',
    '{"page:x": {"__proto__": {"polluted": 1}}}',
    '{"page:x": {"k": {"__proto__": {"polluted": 1}}}}',
    '{"page:x": {"k": [{"__proto__": {"polluted": 1}}]}}',
    '{"page:x": {"constructor": {"prototype": {"polluted": 1}}}}',
    '{"site": {"prototype": 1}}',
]


@pytest.mark.parametrize("scopes", POLLUTERS)
def test_prototype_keys_are_refused_and_object_prototype_stays_clean(
    api: Callable[..., Any], scopes: str
) -> None:
    text = json.dumps(snapshot(scopes={})).replace('"scopes": {}', '"scopes": ' + scopes)
    assert scopes in text
    result, clean = api(
        "(() => { const r = R.fromJSON(args[0], args[1]);"
        " return [r, ({}).polluted === undefined && !('polluted' in Object.prototype)]; })()",
        text,
        SITE,
    )
    refused(result)
    assert clean


def test_unknown_fields_are_dropped_even_a_top_level_proto(api: Callable[..., Any]) -> None:
    data = snapshot(extra="x", run={**SNAPSHOT["run"], "owner": "me"})
    data["events"] = [{**event, "html": "<b>"} for event in SNAPSHOT["events"]]
    text = json.dumps(data)[:-1] + ', "__proto__": {"polluted": 1}}'
    result, plain = api(
        "(() => { const r = R.fromJSON(args[0], args[1]);"
        " return [r, Object.getPrototypeOf(r.snapshot) === Object.prototype"
        "  && r.snapshot.polluted === undefined && ({}).polluted === undefined]; })()",
        text,
        SITE,
    )
    assert result == {"ok": True, "snapshot": SNAPSHOT}
    assert plain


def test_times_come_back_in_utc_and_optional_fields_default(api: Callable[..., Any]) -> None:
    data = snapshot(
        run={"id": "INC-7", "start": "2026-11-27T14:02+01:00"},
        events=[{"at": "2026-11-27T13:02:05.123456Z", "kind": "note", "text": "n"}],
    )
    del data["exported"]
    result = api("R.validate(args[0], args[1])", data, SITE)
    assert result["snapshot"]["run"] == {
        "id": "INC-7",
        "start": "2026-11-27T13:02:00.000Z",
        "severity": "",
        "closed": "",
    }
    assert result["snapshot"]["events"] == [
        {"at": "2026-11-27T13:02:05.123Z", "kind": "note", "text": "n", "page": ""}
    ]
    assert result["snapshot"]["exported"] == ""


def _with_run(**fields: Any) -> dict[str, Any]:
    return snapshot(run={**SNAPSHOT["run"], **fields})


def _with_event(**fields: Any) -> dict[str, Any]:
    return snapshot(events=[{**SNAPSHOT["events"][0], **fields}])


def _with_value(value: Any, key: str = "k") -> dict[str, Any]:
    return snapshot(scopes={RUNBOOK: {key: value}})


def _events(count: int) -> list[dict[str, str]]:
    return [{"at": "2026-11-27T13:02:00Z", "kind": "note", "text": "n", "page": ""}] * count


INVALID = {
    "not-a-run": ({"format": "something else"}, "not a saved playbook run"),
    "id-space": (_with_run(id="INC 2041"), 'run id "INC 2041" is not valid'),
    "id-leading-dash": (_with_run(id="-INC"), "run id"),
    "id-41-chars": (_with_run(id="I" * 41), "at most 40 characters"),
    "id-missing": (_with_run(id=None), "no id"),
    "start-words": (_with_run(start="yesterday"), '"yesterday" is not an ISO 8601 time'),
    "start-no-zone": (_with_run(start="2026-11-27T13:02:00"), "with a time zone"),
    "start-30-february": (_with_run(start="2026-02-30T13:02:00Z"), "ISO 8601"),
    "start-missing": (_with_run(start=None), "start is missing"),
    "start-number": (_with_run(start=1764248520000), "start is not text"),
    "closed-bad": (_with_run(closed="soon"), "close time"),
    "severity-41": (_with_run(severity="S" * 41), "severity is longer than 40"),
    "event-time": (_with_event(at="13:05"), "Timeline event 1's time"),
    "event-kind": (_with_event(kind="exec"), 'unknown kind "exec"'),
    "event-text": (_with_event(text="t" * 2001), "text is longer than 2,000"),
    "event-page": (_with_event(page="p" * 301), "page is longer than 300"),
    "events-5001": (snapshot(events=_events(5001)), "more than 5,000 events"),
    "scope-control-character": (snapshot(scopes={"page:a\u0007b": {}}), "belong to no page"),
    "scope-empty-page": (snapshot(scopes={"page:": {}}), "belong to no page"),
    "scopes-501": (snapshot(scopes={f"page:{n}": {} for n in range(501)}), "more than 500"),
    "keys-2001": (snapshot(scopes={"site": {str(n): 1 for n in range(2001)}}), "2,000 entries"),
    "key-201": (_with_value(1, key="k" * 201), "longer than 200"),
    "depth-4": (_with_value({"a": {"b": {"c": {}}}}), "deeper than 3 levels"),
    "string-10001": (_with_value("s" * 10001), "longer than 10,000"),
    "scope-list": (snapshot(scopes={"site": []}), "not a set of keys"),
    "events-object": (snapshot(events={}), "timeline is missing"),
    # A wrong clock, here or on the computer the run came from, would put the next
    # stakeholder update years away: times are refused before 2000 or over a day ahead.
    "start-2099": (
        _with_run(start="2099-01-01T00:00:00Z"),
        "The run's start 2099-01-01 00:00 UTC is more than a day ahead of this computer's clock",
    ),
    "start-1999": (_with_run(start="1999-12-31T23:59:59Z"), "1999-12-31 23:59 UTC is before 2000"),
    "closed-2099": (_with_run(closed="2099-01-01T00:00:00Z"), "The run's close time 2099"),
    "event-2099": (_with_event(at="2099-06-01T10:00:00+02:00"), "Timeline event 1's time 2099"),
    "event-1970": (_with_event(at="1970-01-01T00:00:00Z"), "is before 2000"),
    "exported-2099": (snapshot(exported="2099-01-01T00:00:00Z"), "The export time 2099"),
}


def test_a_page_whose_path_has_spaces_is_a_page(api: Callable[..., Any]) -> None:
    data = snapshot(scopes={"page:on call/first hour.md": {"aaaaaaaaaaaa": False}})
    result = api("R.fromJSON(args[0], args[1])", json.dumps(data), SITE)
    assert result["ok"], result
    assert result["snapshot"]["scopes"] == data["scopes"]


@pytest.mark.parametrize(("data", "message"), INVALID.values(), ids=INVALID.keys())
def test_invalid_runs_are_refused_with_a_message(
    api: Callable[..., Any], data: dict[str, Any], message: str
) -> None:
    refused(api("R.fromJSON(args[0], args[1])", json.dumps(data), SITE), message)


def test_values_at_every_limit_are_accepted(api: Callable[..., Any]) -> None:
    data = snapshot(
        run={
            "id": "I" * 40,
            "start": "2026-11-27T13:02:00.000Z",
            "severity": "S" * 40,
            "closed": "",
        },
        scopes={
            RUNBOOK: {"k" * 200: {"a": {"b": ["s" * 10000]}}},
            "page:" + "p" * 300: {str(n): False for n in range(2000)},
            **{f"page:{n}": {} for n in range(498)},
        },
        events=_events(5000),
    )
    result = api("R.fromJSON(args[0], args[1])", json.dumps(data), SITE)
    assert result["ok"] is True, result
    assert len(result["snapshot"]["scopes"]) == 500
    assert len(result["snapshot"]["events"]) == 5000


def test_from_json_refuses_bad_json_and_oversized_text(api: Callable[..., Any]) -> None:
    refused(api("R.fromJSON(args[0], args[1])", "{nope", SITE), "not valid JSON")
    # Valid JSON, refused by its size alone.
    padded = json.dumps(SNAPSHOT) + " " * 2_000_000
    refused(api("R.fromJSON(args[0], args[1])", padded, SITE), "too large", "2,000,000")


def test_markdown_is_the_post_incident_timeline(api: Callable[..., Any]) -> None:
    assert api("R.toMarkdown(args[0])", SNAPSHOT) == (
        "Incident: INC-2041\n"
        "Severity: SEV-2\n"
        "Start: 2026-11-27 13:02 UTC\n"
        "Closed: 2026-11-27 15:40 UTC\n"
        "\n"
        "3. Timeline\n"
        "2026-11-27 13:02 UTC - Incident INC-2041 declared (SEV-2)\n"
        "2026-11-27 13:05 UTC - Ticked: Freeze deployments (Runbook)\n"
        "2026-11-27 13:05 UTC - Client in Zürich — ✓ called back at 13:04\n"
        "2026-11-27 13:20 UTC - Copied the internal update (Incident Response Playbook)\n"
        "2026-11-27 15:40 UTC - Run closed\n"
    )


def test_markdown_of_an_open_run_without_severity(api: Callable[..., Any]) -> None:
    data = snapshot(
        run={"id": "INC-9", "start": "2026-01-02T03:04:59.999Z", "severity": "", "closed": ""},
        scopes={},
        events=[],
    )
    assert api("R.toMarkdown(args[0])", data) == (
        "Incident: INC-9\nSeverity: not set\nStart: 2026-01-02 03:04 UTC\n\n3. Timeline\n"
    )


def test_summary_and_description_count_what_an_import_replaces(api: Callable[..., Any]) -> None:
    assert api("R.snapshotSummary(args[0])", SNAPSHOT) == {
        "ticks": 3,
        "pages": 2,
        "values": 2,
        "events": 5,
        "severity": "SEV-2",
    }
    assert api("R.describe(args[0])", SNAPSHOT) == (
        "run INC-2041 (SEV-2, started 2026-11-27 13:02 UTC): 3 ticks on 2 pages,"
        " 2 template values, 5 timeline events"
    )
    single = snapshot(
        run={**SNAPSHOT["run"], "severity": ""},
        scopes={"site": {"field:a": "x"}, RUNBOOK: {"a": "2026-11-27T13:05:30.000Z"}},
        events=SNAPSHOT["events"][:1],
    )
    assert api("R.describe(args[0])", single) == (
        "run INC-2041 (started 2026-11-27 13:02 UTC): 1 tick on 1 page, 1 template value,"
        " 1 timeline event"
    )


# Random text barely compresses: 60 events of 2,000 random characters outgrow the limit.
ENCODE_RANDOM_RUN = """(async () => {
  const run = args[0];
  run.events = [];
  for (let i = 0; i < 60; i++) {
    let text = "";
    crypto.getRandomValues(new Uint8Array(1500)).forEach((byte) => {
      text += String.fromCharCode(byte);
    });
    run.events.push({ at: run.run.start, kind: "note", text: btoa(text), page: "" });
  }
  return R.encodeFragment(run).then(() => "encoded", (error) => error.message);
})()"""

WITHOUT_COMPRESSION = """(async () => {
  const saved = [window.CompressionStream, window.DecompressionStream];
  delete window.CompressionStream;
  delete window.DecompressionStream;
  try {
    return [
      await R.encodeFragment(args[0]).then(() => "encoded", (error) => error.message),
      await R.decodeFragment("playbook-run=1.AA", args[1]),
    ];
  } finally {
    [window.CompressionStream, window.DecompressionStream] = saved;
  }
})()"""


def test_encoding_a_run_too_large_for_a_link_rejects_with_its_size(
    api: Callable[..., Any],
) -> None:
    message = api(ENCODE_RANDOM_RUN, SNAPSHOT)
    assert "too large to share as a link" in message, message
    assert "the limit is 32,000. Export it as JSON instead." in message
    size = int(message.split(": ")[1].split(" characters")[0].replace(",", ""))
    assert size > 32000


def test_a_browser_without_compression_streams_is_told_so(api: Callable[..., Any]) -> None:
    encoded, decoded = api(WITHOUT_COMPRESSION, SNAPSHOT, SITE)
    assert encoded.startswith("This browser cannot pack a run into a link"), encoded
    refused(decoded, "This browser cannot read a run from a link")


def test_a_time_up_to_a_day_ahead_is_accepted_and_past_it_refused(
    api: Callable[..., Any],
) -> None:
    # Relative to the page's own clock, as a responder's browser reads it.
    ahead = """((hours) => {
      const data = JSON.parse(JSON.stringify(args[0]));
      data.events[0].at = new Date(Date.now() + hours * 3600e3).toISOString();
      return R.validate(data, args[1]);
    })"""
    assert api(ahead + "(23)", SNAPSHOT, SITE)["ok"] is True
    refused(api(ahead + "(25)", SNAPSHOT, SITE), "more than a day ahead of this computer's clock")
    assert (
        "check the clock of the computer it came from"
        in api(ahead + "(25)", SNAPSHOT, SITE)["error"]
    )


def test_markdown_writes_markup_outside_code_as_entities(api: Callable[..., Any]) -> None:
    event = {
        "at": "2026-11-27T13:05:00Z",
        "kind": "note",
        "text": "<img src=x onerror=alert(1)> & `<b>kept</b>` ``a ` b`` then ` lone <i>",
        "page": "Q&A <Ops>",
    }
    data = snapshot(run={**SNAPSHOT["run"], "severity": "<SEV>"}, events=[event])
    lines = api("R.toMarkdown(args[0])", data).split("\n")
    assert lines[1] == "Severity: &lt;SEV&gt;"
    assert lines[-2] == (
        "2026-11-27 13:05 UTC - &lt;img src=x onerror=alert(1)&gt; &amp; `<b>kept</b>` "
        "``a ` b`` then ` lone &lt;i&gt; (Q&amp;A &lt;Ops&gt;)"
    )


def test_backticks_that_never_close_are_text_and_markup_after_them_escaped(
    api: Callable[..., Any],
) -> None:
    # The worst case for a scan that looks ahead from each run of backticks (toMarkdown finds
    # each run's closer in one pass from the end); 2,000 characters is the longest event text.
    text = " ".join("`" * length for length in range(1, 60)) + " <b>"
    data = snapshot(events=[{**SNAPSHOT["events"][0], "text": text}])
    line = api("R.toMarkdown(args[0])", data).split("\n")[-2]
    assert line.endswith(" - " + text.replace("<b>", "&lt;b&gt;"))
