-- wrk script for bench-search.sh: every request takes the next of a fixed
-- rotation of typical searches (plain, multi-word, filtered, sorted) and
-- type-ahead suggestions; prints p50/p99 and counts in a line the script parses.
local paths = {
    "/api/v1/search?q=guitar",
    "/api/v1/search/suggest?q=gui",
    "/api/v1/search?q=cooking%20pasta",
    "/api/v1/search/suggest?q=cook",
    "/api/v1/search?q=easy%20bread%20recipe",
    "/api/v1/search?q=japan%20travel&date=year",
    "/api/v1/search/suggest?q=minec",
    "/api/v1/search?q=minecraft&sort=date",
    "/api/v1/search?q=python%20tutorial&duration=medium",
    "/api/v1/search/suggest?q=how%20to%20ma",
    "/api/v1/search?q=chess&sort=views",
    "/api/v1/search?q=astronomy%20telescope%20guide&category=science",
    "/api/v1/search/suggest?q=yog",
    "/api/v1/search?q=relaxing%20piano",
    "/api/v1/search?q=drone%20iceland&duration=long",
    "/api/v1/search/suggest?q=sourd",
}
local counter = 0

request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT p50_ms=%.3f p99_ms=%.3f requests=%d duration_s=%.3f errors=%d\n",
        latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0,
        summary.requests, summary.duration / 1e6, errors))
end
