#!/usr/bin/env bash
# Run the WHOLE suite with the application clock pinned to each awkward day (not run in CI;
# tests/test_calendar_pins.py reruns the @pytest.mark.calendar tests under these days there).
#   scripts/pinned_dates.sh                 # the four days below
#   scripts/pinned_dates.sh 2029-03-31 …    # other days
#   PYTEST_ARGS="tests/core tests/storage" scripts/pinned_dates.sh   # only some folders
set -u
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
days=("$@")
read -r -a PYTEST_ARGS <<<"${PYTEST_ARGS:-}"
[ ${#days[@]} -eq 0 ] && days=(2026-10-01 2026-12-31 2027-01-01 2028-02-29)
failed=()
for day in "${days[@]}"; do
    echo "=== today = $day"
    log=$(mktemp)
    # tests/packaging builds the frozen app (slow, date-free); the calendar pins rerun what this
    # does anyway. --calendar-audit fails the run when a test asks for today unmarked.
    QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider --today="$day" --calendar-audit \
        --ignore=tests/packaging --deselect tests/test_calendar_pins.py "${PYTEST_ARGS[@]}" >"$log" 2>&1
    rc=$?
    grep -E "^(FAILED|ERROR) |^  tests/" "$log"
    tail -n 1 "$log"
    rm -f "$log"
    [ $rc -eq 0 ] || failed+=("$day")
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "failed on: ${failed[*]}"
    exit 1
fi
echo "all passed on: ${days[*]}"
