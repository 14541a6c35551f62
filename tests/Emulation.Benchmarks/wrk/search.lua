-- The benchmark's nine search shapes (Workload.Queries), each connection cycling through them as the administrator and a
-- commune officer in turn. TOKENS: two bearer tokens separated by a space.
local shapes = {
  "q=dua%20mau%20xuong", "q=dan%20van%20kheo&sort=name", "status=Accepted&level=co-so", "status=Submitted&sort=submitted",
  "field=kinh-te&kind=Model&sort=code", "q=tiet%20kiem&status=Accepted", "q=cm-2024-00", "level=tinh&page=50", "q=anh%20sang%20an%20ninh"
}
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS"), "%S+") do tokens[#tokens + 1] = t end
local counter = 0
function setup(thread) thread:set("offset", counter); counter = counter + 7 end
local i = 0
function request()
  i = i + 1
  local n = i + (offset or 0)
  local path = "/api/registry/models?" .. shapes[n % #shapes + 1]
  return wrk.format("GET", path, { ["authorization"] = "Bearer " .. tokens[n % #tokens + 1] })
end
