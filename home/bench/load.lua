-- `make load`: one kind of URL (home, column, article, search, feed, API…) for one wrk process.
--
-- The driver (home/bench/load.py) starts one wrk per kind, each with this script and two
-- environment variables: LOAD_PATHS, a file of paths (one a line) each request picks one of at
-- random, and LOAD_OUT, where `done` writes the figures: counts, errors by kind, the status
-- codes seen and the latency histogram (microseconds, only the values seen), which the driver
-- merges into exact percentiles over every kind.

local paths = {}
statuses = {} -- global: `done` reads it from each thread with thread:get

local function read_paths()
   local list = {}
   for line in io.lines(os.getenv("LOAD_PATHS")) do
      if line ~= "" then
         list[#list + 1] = line
      end
   end
   return list
end

-- Each thread: its own random sequence and its own table of status codes.
function init(args)
   paths = read_paths()
   math.randomseed(os.time() + tonumber(tostring(paths):match("0x(%x+)") or "0", 16) % 100000)
end

-- A reader's pause between two pages: LOAD_THINK_MS on average (none when 0).
local think = tonumber(os.getenv("LOAD_THINK_MS") or "0") or 0
if think > 0 then
   function delay()
      return math.random(0, 2 * think)
   end
end

function request()
   return wrk.format(nil, paths[math.random(#paths)])
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

-- The main state: keep the threads, to read their status codes in `done`.
local threads = {}

function setup(thread)
   threads[#threads + 1] = thread
end

function done(summary, latency, requests)
   local out = assert(io.open(os.getenv("LOAD_OUT"), "w"))
   local e = summary.errors
   out:write(string.format("requests %d\n", summary.requests))
   out:write(string.format("duration_us %d\n", summary.duration))
   out:write(string.format("connect %d\nread %d\nwrite %d\nstatus %d\ntimeout %d\n",
      e.connect, e.read, e.write, e.status, e.timeout))
   for _, thread in ipairs(threads) do
      for code, count in pairs(thread:get("statuses") or {}) do
         out:write(string.format("code %d %d\n", code, count))
      end
   end
   for i = 1, #latency do -- the i-th latency seen (microseconds) and how many took it
      local us, count = latency(i)
      out:write(string.format("us %d %d\n", us, count))
   end
   out:close()
end
