# usage: python3 api.py BASE   (e.g. python3 tests/stranger/api.py http://127.0.0.1:5080)
# The whole HTTP API driven as a stranger: every operation of the OpenAPI document gets unreadable bodies, wrong types,
# absurd values, bad query strings, bad route ids, no token and other roles' tokens; then real scenarios (another unit's
# ids, a stale or missing version, a command straight after the one it depends on) read back what was stored.
# Prints one line per request ("!! " marks a defect) and a summary by kind; exits 1 when a defect was found.
import json, sys, uuid, urllib.request, urllib.error, urllib.parse, collections, re, threading, random

BASE = sys.argv[1].rstrip("/")
PASSWORD = "DanVanKheo2025"
USERS = ["quantri", "canbo.phuong1", "canbo.khanhhoi", "canbo.phunu", "thuky.bdvtinh", "uyvien.bdvtinh", "thuky.bdvtp",
         "thuky.phuong1", "lanhdao.tinh", "chuyengia.kinhte"]
ENGLISH = re.compile(r"\b(The|must|is required|invalid|Invalid|required|Exception|error occurred|Bad Request|Not Found|"
                     r"Unauthorized|Forbidden|Unsupported|could not|Path:|System\.|Emulation\.|One or more)\b")
sent = 0
defects = collections.defaultdict(list)
T = {}
STRANGERS = []

def raw_call(method, path, user=None, data=None, ctype="application/json", headers=None):
    global sent
    sent += 1
    h = dict(headers or {})
    if user: h["Authorization"] = "Bearer " + T[user]
    if data is not None: h["Content-Type"] = ctype
    h.setdefault("Accept", "application/json")
    r = urllib.request.Request(BASE + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=120) as resp: return resp.status, resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", "")
    except Exception as e:  # a dropped connection is a defect too
        return 599, str(e).encode(), ""

def call(method, path, user="quantri", body=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    st, b, _ = raw_call(method, path, user, data, ctype)
    return st, b

def token(user):
    st, b = call("POST", "/api/auth/token", None, {"userName": user, "password": PASSWORD})
    return json.loads(b)["accessToken"] if st == 200 else None

def messages(doc):
    out = [doc.get("title") or "", doc.get("detail") or ""]
    for v in (doc.get("errors") or {}).values(): out += v if isinstance(v, list) else [str(v)]
    return [m for m in out if m]

def problem_defect(st, b, field=None):
    """Why a refusal's body is not a Vietnamese ProblemDetails naming the field, or None."""
    if len(b) == 0: return "empty"
    try: doc = json.loads(b)
    except Exception: return "not json"
    if not isinstance(doc, dict): return "not a problem"
    ms = messages(doc)
    if not ms: return "no message"
    text = " ".join(ms)
    if ENGLISH.search(text) or not any(ord(c) > 127 for c in doc.get("title") or ""): return "english"
    if field is not None and st == 400:
        errors = {k.lower(): v for k, v in (doc.get("errors") or {}).items()}
        f = field.lower()
        if not any(k == f or k.startswith(f + ".") or k.startswith(f + "[") for k in errors): return "field not named"
    return None

def check(label, st, b, expect=None, field=None, refusal=True):
    """expect: a set of statuses that are right; refusal: any 2xx is a defect."""
    why = None
    if st >= 500: why = "5xx"
    elif expect is not None and st not in expect: why = "status"
    elif refusal and st < 300: why = "2xx where a refusal was due"
    elif st >= 400: why = problem_defect(st, b, field)
    txt = b[:200].decode("utf-8", "replace").replace("\n", " ")
    print(("!! " if why else "   ") + f"{st} {label}{' ['+why+']' if why else ''}: {txt[:160]}")
    if why: defects[why].append(f"{label} -> {st} {txt[:200]}")
    return why is None

# ---------------------------------------------------------------------------------------------- the OpenAPI sweep
def resolve(schema, comps, depth=0):
    if depth > 6 or not isinstance(schema, dict): return {}
    if "$ref" in schema: return resolve(comps[schema["$ref"].split("/")[-1]], comps, depth + 1)
    for alt in schema.get("oneOf") or schema.get("anyOf") or []:
        if alt.get("type") != "null": return resolve(alt, comps, depth + 1)
    return schema

def sample(schema, comps, depth=0):
    s = resolve(schema, comps, depth)
    if "enum" in s: return s["enum"][0]
    t = s.get("type"); t = [x for x in t if x != "null"][0] if isinstance(t, list) and len(t) > 1 else (t[0] if isinstance(t, list) else t)
    f = s.get("format")
    if f == "uuid": return str(uuid.uuid4())
    if f == "date": return "2026-06-01"
    if f == "date-time": return "2026-06-01T00:00:00Z"
    if f in ("int32", "int64"): return 1
    if f in ("double", "float", "decimal"): return 1.5
    if t == "boolean": return False
    if t == "array": return [sample(s.get("items", {}), comps, depth + 1)] if depth < 4 else []
    if t == "object" or "properties" in s:
        return {k: sample(v, comps, depth + 1) for k, v in (s.get("properties") or {}).items()} if depth < 4 else {}
    if t == "string": return "x"
    return 1

def wrong_values(schema, comps):
    return [("null", None)] + wrong_values_of(resolve(schema, comps))

def wrong_values_of(s):
    f = s.get("format"); t = s.get("type"); ts = t if isinstance(t, list) else [t]
    if "enum" in s: return [("unknown enum", "KHONG_CO"), ("enum as number", 7)]
    if f == "uuid": return [("not a guid", "abc"), ("number for guid", 5)]
    if f == "date": return [ ("date 2026-13-45", "2026-13-45"), ("date 62027-01-01", "62027-01-01"),
                            ("date as number", 20260101)]
    if f in ("int32", "int64"): return [("string for number", "abc"), ("NaN", "NaN"), ("1e309", 1e309), ("negative", -1),
                                        ("huge", 10**30), ("fraction for whole", 1.5)]
    if f in ("double", "float", "decimal"): return [("string for number", "abc"), ("NaN", "NaN"), ("1e309", 1e309),
                                                    ("negative", -1), ("huge", 1e300)]
    if "boolean" in ts: return [("string for boolean", "maybe")]
    if "array" in ts: return [("object for array", {"a": 1}), ("string for array", "x")]
    if "object" in ts: return [("array for object", [1]), ("string for object", "x")]
    if "string" in ts: return [("number for string", 12345), ("array for string", ["x"]), ("100,000 characters", "Đ" * 100000),
                               ("NUL character", "a\u0000b"), ("lone surrogate", "\ud800")]
    return []

def route(path, ids):
    return re.sub(r"\{[^}]+\}", lambda m: ids.get(m.group(0)[1:-1], str(uuid.uuid4())), path)

def sweep(doc):
    comps = doc["components"]["schemas"]
    for path, ops in doc["paths"].items():
        if not path.startswith("/api/"): continue
        for method, op in ops.items():
            M = method.upper()
            anonymous = op.get("security") == [] or path == "/api/auth/token"
            url = route(path, {})
            params = op.get("parameters", [])
            content = op.get("requestBody", {}).get("content", {})
            json_schema = content.get("application/json", {}).get("schema")
            body = sample(json_schema, comps) if json_schema else None
            data = json.dumps(body).encode() if body is not None else (b"{}" if M != "GET" else None)
            if not anonymous:
                st, b, _ = raw_call(M, url, None, data)
                check(f"{M} {path} without a token", st, b, expect={401})
                st, b, _ = raw_call(M, url, None, data, headers={"Authorization": "Bearer abc.def.ghi"})
                check(f"{M} {path} with a forged token", st, b, expect={401})
            for p in [p for p in params if p["in"] == "path"]:
                st, b = call(M, route(path, {p["name"]: "abc"}), body=body)
                check(f"{M} {path} {p['name']}=abc", st, b)
                if p.get("schema", {}).get("format") == "uuid":
                    st, b = call(M, route(path, {p["name"]: "00000000-0000-0000-0000-000000000000"}), body=body)
                    check(f"{M} {path} {p['name']}=empty guid", st, b)
            if M == "GET":
                st, b = call(M, url)
                if "{" in path: check(f"GET {path} random ids", st, b, expect={400, 403, 404})
                for p in [p for p in params if p["in"] == "query"]:
                    f = p.get("schema", {}).get("format")
                    for kind, value in [("-1", "-1"), ("abc", "abc"), ("999999", "999999"), ("32/01/2026", "32/01/2026"),
                                        ("2026-13-45", "2026-13-45"), ("100 KB", "a" * 100000)]:
                        st, b = call("GET", url + ("&" if "?" in url else "?") + p["name"] + "=" + urllib.parse.quote(value))
                        if st == 200 and kind != "100 KB": print(f"   200 GET {path} {p['name']}={kind}"); continue
                        check(f"GET {path} {p['name']}={kind}", st, b, field=p["name"], refusal=kind == "100 KB")
                continue
            if "multipart/form-data" in content:
                for kind, raw, ct in [("json instead of a file", b'{"a":1}', "application/json"),
                                      ("empty multipart", b"", "multipart/form-data; boundary=xx"),
                                      ("no boundary", b"abc", "multipart/form-data"),
                                      ("text named .xlsx", b"--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nhello\r\n--xx--\r\n", "multipart/form-data; boundary=xx"),
                                      ("exe named .jpg", b"--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nMZ\x90\x00\x03\r\n--xx--\r\n", "multipart/form-data; boundary=xx"),
                                      ("wrong part name", b"--xx\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.xlsx\"\r\n\r\nPK\x03\x04\r\n--xx--\r\n", "multipart/form-data; boundary=xx"),
                                      ("truncated multipart", b"--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK", "multipart/form-data; boundary=xx")]:
                    st, b = call(M, url, raw=raw, ctype=ct)
                    check(f"{M} {path} {kind}", st, b)
                continue
            if json_schema is None: continue
            for kind, raw, ct in [("malformed json", b'{"a": ', "application/json"), ("empty body", b"", "application/json"),
                                  ("null body", b"null", "application/json"), ("array body", b"[1,2]", "application/json"),
                                  ("string body", b'"x"', "application/json"), ("number body", b"12", "application/json"),
                                  ("text/plain", json.dumps(body).encode(), "text/plain"),
                                  ("form-urlencoded", b"a=1", "application/x-www-form-urlencoded"),
                                  ("bad utf-8", b'{"name":"\xff\xfe"}', "application/json")]:
                st, b = call(M, url, raw=raw, ctype=ct)
                # unreadable text in an unknown property is ignored like the property itself
                check(f"{M} {path} {kind}", st, b, refusal=kind != "bad utf-8")
            schema = resolve(json_schema, comps)
            props = schema.get("properties") or {}
            if "version" in props:
                st, b = call(M, url, body={k: v for k, v in body.items() if k != "version"})
                check(f"{M} {path} missing version", st, b, field="version")
            for name, ps in props.items():
                for kind, value in wrong_values(ps, comps):
                    b2 = dict(body); b2[name] = value
                    try: data = json.dumps(b2).encode()
                    except ValueError: data = json.dumps(b2).replace("Infinity", "1e309").encode()
                    data = data.replace(b"Infinity", b"1e309")
                    st, b = call(M, url, raw=data)
                    # a semantic value (negative, huge, long) sent to a random id may be refused as not found first
                    field = name if kind not in ("negative", "huge", "100,000 characters", "null") else None
                    # null is a right answer for an optional field: only a 5xx or a bad refusal is a defect there
                    check(f"{M} {path} {name}: {kind}", st, b, field=field, refusal=kind != "null")
                inner = resolve(ps, comps)
                items = resolve(inner.get("items", {}), comps) if "array" in (inner.get("type") if isinstance(inner.get("type"), list) else [inner.get("type")]) else {}
                if items.get("properties"):
                    b2 = dict(body); b2[name] = [None]
                    st, b = call(M, url, body=b2)
                    check(f"{M} {path} {name}: [null]", st, b, refusal=False)
                for iname, ips in (items.get("properties") or {}).items():
                    for kind, value in wrong_values(ips, comps)[:2]:
                        element = sample(items, comps); element[iname] = value
                        b2 = dict(body); b2[name] = [element]
                        st, b = call(M, url, body=b2)
                        check(f"{M} {path} {name}[0].{iname}: {kind}", st, b, field=None if kind == "null" else f"{name}[0].{iname}",
                              refusal=kind != "null")

# ---------------------------------------------------------------------------------------------- scenarios with real ids
def j(b):
    try: return json.loads(b)
    except Exception: return None

def items(b):
    d = j(b)
    return d.get("items", d) if isinstance(d, dict) else (d or [])

def strangers():
    """A board secretary of Thanh Hóa and an officer of TP Thanh Hóa, created by the administrator (the demo has none)."""
    st, b = call("GET", "/api/directory/units")
    units = {u.get("code"): u["id"] for u in items(b)}
    made = []
    for role, code in [("board-secretary", "TH-BDV"), ("officer", "TH-TP")]:
        if code not in units: continue
        name = f"nguoila.{role.split('-')[-1]}{random.randint(10000, 99999)}"
        st, b = call("POST", "/api/directory/people", "quantri", {"userName": name, "fullName": "Người Lạ", "password": PASSWORD,
                                                                   "roles": [{"role": role, "unitId": units[code]}]})
        if check(f"directory: create {role} of {code}", st, b, expect={201}, refusal=False):
            t = token(name)
            if t: T[name] = t; made.append(name)
    return made

def race(label, method, path, user, bodies):
    """Sends the bodies at the same moment: exactly one may win, every other answers 409 (or 400 for a state it left)."""
    replies = [None] * len(bodies)
    gate = threading.Barrier(len(bodies))
    def go(i):
        gate.wait(); replies[i] = call(method, path, user, bodies[i])
    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(bodies))]
    for t in threads: t.start()
    for t in threads: t.join()
    wins = [r for r in replies if r[0] < 300]
    losers = [r for r in replies if r[0] >= 300]
    ok = len(wins) == 1 and all(r[0] == 409 for r in losers)
    check(f"race: {label} ({len(bodies)} at once: {sorted(r[0] for r in replies)})", 200 if ok else 500,
          b"" if ok else b" ".join(r[1][:120] for r in replies), refusal=False)
    for st, b in losers: check(f"race: {label} loser", st, b, expect={409})
    return wins[0] if wins else (599, b"")

def scenarios():
    # the registry: a draft of Phường 1, driven by another unit, with a stale version, with absurd values, submitted at once
    st, b = call("GET", "/api/registry/campaigns", "canbo.phuong1")
    camps = items(b)
    period = next((p for c in camps for p in c.get("periods", []) if p.get("registrationOpen", p.get("open", True))), None)
    st, b = call("GET", "/api/registry/catalog", "canbo.phuong1"); cat = j(b) or {}
    field = (cat.get("fields") or [{}])[0].get("code"); level = next((l.get("code") for l in cat.get("levels") or [] if l.get("code")), None)
    base = {"kind": "Model", "name": "Mô hình người lạ " + uuid.uuid4().hex[:6], "periodId": period and period["id"], "fieldCode": field,
            "levelCode": level, "situation": "Thực trạng", "objectives": "Mục tiêu", "contentAndMethods": "Nội dung",
            "area": "Phường 1", "targetGroup": "Hộ dân", "startDate": "2026-01-01", "evaluationDate": "2026-12-31",
            "targets": [{"indicator": "Số hộ", "unitOfMeasure": "hộ", "baseline": 10, "targetValue": 20, "dueDate": "2026-12-31"}]}
    st, b = call("POST", "/api/registry/models", "canbo.phuong1", base)
    check("registry: draft a model", st, b, expect={201}, refusal=False)
    mid = (j(b) or {}).get("id")
    if mid:
        before = call("GET", f"/api/registry/models/{mid}", "canbo.phuong1")[1]
        for kind, patch, fieldname in [("negative budget", {"budget": -5}, "budget"), ("negative workdays", {"workdays": -3}, "workdays"),
                                       ("huge budget", {"budget": 1e300}, "budget"), ("100,000-character name", {"name": "Đ" * 100000}, "name"),
                                       ("100,000-character situation", {"situation": "Đ" * 100000}, "situation"),
                                       ("due date year 9999", {"targets": [dict(base["targets"][0], dueDate="9999-12-31")]}, "targets"),
                                       ("negative baseline", {"targets": [dict(base["targets"][0], baseline=-1)]}, "targets"),
                                       ("start after evaluation", {"startDate": "2027-01-01", "evaluationDate": "2026-01-01"}, "evaluationDate"),
                                       ("stale version", {"version": 0}, None), ("future version", {"version": 99}, None)]:
            body = dict(base, version=1); body.update(patch)
            st, b = call("PUT", f"/api/registry/models/{mid}", "canbo.phuong1", body)
            check(f"registry: edit with {kind}", st, b, expect={409} if "version" in kind else {400}, field=fieldname)
        after = call("GET", f"/api/registry/models/{mid}", "canbo.phuong1")[1]
        check("registry: refused edits stored nothing", 200 if before == after else 500, b"" if before == after else after[:200], refusal=False)
        for user in ["canbo.khanhhoi", "thuky.bdvtp", "chuyengia.kinhte"]:
            st, b = call("PUT", f"/api/registry/models/{mid}", user, dict(base, version=1))
            check(f"registry: {user} edits Phường 1's draft", st, b, expect={403, 404})
            st, b = call("POST", f"/api/registry/models/{mid}/submit", user, {"version": 1})
            check(f"registry: {user} submits Phường 1's draft", st, b, expect={403, 404})
        for other in STRANGERS:
            for verb, body in [("submit", {"version": 1}), ("accept", {"version": 1}), ("withdraw", {"version": 1})]:
                st, b = call("POST", f"/api/registry/models/{mid}/{verb}", other, body)
                check(f"registry: {other} ({verb}) on Cà Mau's draft", st, b, expect={403, 404})
            st, b = call("GET", f"/api/registry/models/{mid}", other)
            check(f"registry: {other} reads Cà Mau's draft", st, b, expect={404})
        race("two edits of one draft at one version", "PUT", f"/api/registry/models/{mid}", "canbo.phuong1",
             [dict(base, version=1, name=base["name"] + f" sửa {i}") for i in range(4)])
        cur = j(call("GET", f"/api/registry/models/{mid}", "canbo.phuong1")[1]) or {}
        ver = cur.get("version", 2)
        st, b = call("POST", f"/api/registry/models/{mid}/accept", "thuky.phuong1", {"version": ver})
        check("registry: the board accepts a draft never submitted (drafts stay with the unit)", st, b, expect={404})
        st, b = call("POST", f"/api/registry/models/{mid}/submit", "canbo.phuong1", {"version": ver})
        check("registry: submit right after the edit", st, b, expect={200}, refusal=False)
        st, b = call("POST", f"/api/registry/models/{mid}/submit", "canbo.phuong1", {"version": ver + 1})
        check("registry: submit twice", st, b, expect={400, 409})
        st, b = call("POST", f"/api/registry/models/{mid}/accept", "canbo.phuong1", {"version": ver + 1})
        check("registry: the officer accepts their own", st, b, expect={403, 404})
        for other in STRANGERS:
            st, b = call("POST", f"/api/registry/models/{mid}/accept", other, {"version": ver + 1})
            check(f"registry: {other} accepts Cà Mau's dossier", st, b, expect={403, 404})
        st, b = race("three acceptances of one dossier right after its submission", "POST", f"/api/registry/models/{mid}/accept",
                     "thuky.phuong1", [{"version": ver + 1}] * 3)
        code = (j(b) or {}).get("registryCode")
        if code:
            st, b = call("POST", "/api/registry/models", "canbo.khanhhoi", dict(base, name="Nhân rộng " + uuid.uuid4().hex[:6], replicatesCode=code))
            check("registry: replicate right after accept (another unit)", st, b, expect={201}, refusal=False)
        st, b = call("POST", f"/api/registry/models/{mid}/withdraw", "canbo.phuong1", {"version": (j(b) or {}).get("version", 3)})
        check("registry: withdraw an accepted model", st, b, expect={400, 409})
    # the registry's campaigns: a period outside its years, a board of another level
    if camps:
        c = camps[0]
        for user, expect in [("thuky.bdvtp", {403, 404}), ("canbo.phuong1", {403})]:
            st, b = call("POST", f"/api/registry/campaigns/{c['id']}/periods", user,
                         {"name": "Kỳ lạ", "kind": "Year", "from": "2026-01-01", "to": "2026-12-31", "registrationOpens": "2026-01-01",
                          "registrationCloses": "2026-06-30", "codeYear": 2026, "version": c.get("version", 1)})
            check(f"registry: {user} adds a period to a provincial campaign", st, b, expect=expect)
        st, b = call("POST", f"/api/registry/campaigns/{c['id']}/periods", "quantri",
                     {"name": "Kỳ ngoài năm", "kind": "Year", "from": "1990-01-01", "to": "1990-12-31", "registrationOpens": "1990-01-01",
                      "registrationCloses": "1990-06-30", "codeYear": -5, "version": c.get("version", 1)})
        check("registry: a period outside its campaign's years", st, b, expect={400})
    # the directory: a unit renamed with a stale version, moved under itself, a 100,000-character name
    st, b = call("GET", "/api/directory/units?pageSize=5")
    units = items(b)
    if units:
        u = units[-1]; uid = u["id"]
        st, b = call("GET", f"/api/directory/units/{uid}"); d = j(b) or {}
        v = d.get("version", 1)
        for kind, body, f, expect in [("stale version", {"name": "Tên cũ", "version": v - 1 if v > 1 else 999}, None, {409}),
                                      ("100,000-character name", {"name": "Đ" * 100000, "version": v}, "name", {400}),
                                      ("empty name", {"name": "  ", "version": v}, "name", {400})]:
            st, b = call("POST", f"/api/directory/units/{uid}/rename", "quantri", body)
            check(f"directory: rename with {kind}", st, b, expect=expect, field=f)
        st, b = call("POST", f"/api/directory/units/{uid}/move", "quantri", {"parentId": uid, "version": v})
        check("directory: move a unit under itself", st, b, expect={400}, field="parentId")
        st, b = call("POST", f"/api/directory/units/{uid}/rename", "canbo.phuong1", {"name": "Chiếm quyền", "version": v})
        check("directory: an officer renames a unit", st, b, expect={403})
    # review and awards: another unit's self-assessment, a score above the maximum, a print of an unsigned decision
    st, b = call("GET", "/api/review/rounds", "thuky.bdvtinh")
    for r in items(b)[:3]:
        rid = r["id"]
        st, b = call("POST", f"/api/review/rounds/{rid}/move", "canbo.phuong1", {"to": "Closed", "version": r.get("version", 1)})
        check("review: an officer moves a round", st, b, expect={403, 404})
        st, b = call("POST", f"/api/review/rounds/{rid}/move", "thuky.bdvtinh", {"to": "KHONG_CO", "version": r.get("version", 1)})
        check("review: move to an unknown stage", st, b, expect={400}, field="to")
        st, b = call("POST", f"/api/review/rounds/{rid}/dates", "thuky.bdvtinh", {"version": r.get("version", 1)})
        check("review: extend dates with nothing", st, b, expect={400, 409})
    st, b = call("GET", "/api/review/assignments/mine", "uyvien.bdvtinh")
    mine = items(b)
    for a in mine[:2]:
        rid, mid2 = a.get("roundId"), a.get("modelId")
        if not rid or not mid2: continue
        st, b = call("POST", f"/api/review/rounds/{rid}/models/{mid2}/scorecard", "uyvien.bdvtinh",
                     {"scores": {"khong-co": 1000}, "submit": False, "version": 0})
        check("review: a score for an unknown criterion", st, b, expect={400, 409})
        st, b = call("POST", f"/api/review/rounds/{rid}/models/{mid2}/scorecard", "canbo.khanhhoi", {"scores": {}, "submit": False, "version": 0})
        check("review: an officer scores", st, b, expect={403, 404})
    st, b = call("GET", "/api/awards/decisions", "thuky.bdvtinh")
    for d in items(b)[:4]:
        did = d["id"]
        st, b = call("POST", f"/api/awards/decisions/{did}/prints", "canbo.khanhhoi", {"copies": 1})
        check("awards: an officer prints a decision", st, b, expect={403, 404})
        st, b = call("POST", f"/api/awards/decisions/{did}/sign", "canbo.khanhhoi", {"version": d.get("version", 1)})
        check("awards: an officer signs a decision", st, b, expect={403, 404})
    for other in STRANGERS:
        for r in items(call("GET", "/api/review/rounds", "thuky.bdvtinh")[1])[:2]:
            st, b = call("POST", f"/api/review/rounds/{r['id']}/move", other, {"to": "scoring", "version": r.get("version", 1)})
            check(f"review: {other} moves Cà Mau's round", st, b, expect={403, 404})
        for d in items(call("GET", "/api/awards/decisions", "thuky.bdvtinh")[1])[:2]:
            st, b = call("POST", f"/api/awards/decisions/{d['id']}/sign", other, {"version": d.get("version", 1)})
            check(f"awards: {other} signs Cà Mau's decision", st, b, expect={403, 404})
            st, b = call("GET", f"/api/awards/decisions/{d['id']}/pdf", other)
            check(f"awards: {other} downloads Cà Mau's decision", st, b, expect={403, 404})
        for m in items(call("GET", "/api/monitoring/list?pageSize=2", "thuky.bdvtinh")[1])[:2]:
            mid3 = m.get("modelId") or m.get("id")
            st, b = call("POST", f"/api/monitoring/models/{mid3}/discontinue", other, {"reason": "Thử", "version": m.get("version", 1)})
            check(f"monitoring: {other} discontinues Cà Mau's model", st, b, expect={403, 404})
            st, b = call("POST", f"/api/monitoring/models/{mid3}/reports", other, {"version": 0})
            check(f"monitoring: {other} reports on Cà Mau's model", st, b, expect={400, 403, 404})
    # reads of real records with bad query values: refused by name, or answered; never a 5xx
    reads = []
    for m in items(call("GET", "/api/monitoring/list?pageSize=1", "thuky.bdvtinh")[1])[:1]:
        reads.append((f"/api/monitoring/models/{m.get('modelId') or m.get('id')}", ["on"]))
    for r in items(call("GET", "/api/review/rounds", "thuky.bdvtinh")[1])[:1]:
        reads.append((f"/api/review/rounds/{r['id']}/ranking", ["page", "size", "level", "field"]))
        reads.append((f"/api/review/rounds/{r['id']}/minutes/khong-co", []))
        reads.append((f"/api/review/rounds/{r['id']}/proposals/exe", []))
    for c in camps[:1]:
        reads.append((f"/api/awards/reports/campaign?campaign={c['id']}", ["on", "period", "unit"]))
        reads.append((f"/api/awards/reports/campaign/khong-co?campaign={c['id']}", []))
    reads.append(("/api/registry/statistics", ["on", "period", "kind", "status"]))
    reads.append(("/api/registry/models", ["page", "pageSize", "sort", "kind", "status", "period"]))
    reads.append(("/api/monitoring/list", ["page", "pageSize", "health", "state", "reports"]))
    reads.append(("/api/monitoring/inspections", ["page", "pageSize", "status", "board"]))
    for path, names in reads:
        st, b = call("GET", path, "thuky.bdvtinh")
        check(f"GET {path} (real)", st, b, refusal=False)
        for name in names:
            for value in ["-1", "abc", "999999", "32/01/2026", "2026-13-45", "62027-01-01", "0001-01-01", "%00", "1e309"]:
                sep = "&" if "?" in path else "?"
                st, b = call("GET", f"{path}{sep}{name}={value}", "thuky.bdvtinh")
                if st < 300: continue
                check(f"GET {path} {name}={value}", st, b, field=name, refusal=False)
    st, b = call("POST", "/api/monitoring/inspections", "canbo.phuong1", {"modelIds": [str(uuid.uuid4())], "date": "2026-12-01"})
    check("monitoring: an officer schedules an inspection", st, b, expect={400, 403})

def main():
    for u in USERS:
        t = token(u)
        if t: T[u] = t
        else: print(f"!! no token for {u}")
    st, b, _ = raw_call("GET", "/openapi/v1.json")
    doc = json.loads(b)
    STRANGERS.extend(strangers())
    scenarios()
    sweep(doc)
    print(f"\nrequests sent: {sent}")
    for kind, items_ in sorted(defects.items()):
        print(f"{kind}: {len(items_)}")
        for line in items_[:400]: print("   " + line)
    sys.exit(1 if defects else 0)

main()
