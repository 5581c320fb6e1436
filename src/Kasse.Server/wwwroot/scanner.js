// The scanner's keystroke-burst rule, as pure functions of keys and their time stamps (no DOM), so it is tested with
// synthetic timings (tests/Kasse.Browser.Tests/Till/ScannerRuleTests.cs) and till.js only feeds it the keyboard.
//
// A scanner "types" a code as a burst of digits, a few milliseconds apart (slow wireless ones some 30 ms), and ends
// it with Enter. A person types far slower: even a trained keypad operator needs 150 ms or more a key. So a run of at
// least MIN_LENGTH digits that came on average within MAX_AVERAGE_MS of each other, ended by Enter within MAX_GAP_MS,
// is a scan. A single longer gap (up to MAX_GAP_MS) is allowed inside a burst: a busy page can hold keys back for a
// moment; a longer one starts the burst again from the next digit. Any other key ends the burst.

export const MIN_LENGTH = 6;
export const MAX_AVERAGE_MS = 80;
export const MAX_GAP_MS = 250;

/** No digits yet. */
export function emptyBurst() {
    return { code: "", first: 0, last: 0 };
}

/** The burst after one more digit at `time` (ms): a pause longer than MAX_GAP_MS starts a new burst with it. */
export function addDigit(burst, digit, time) {
    const fresh = burst.code.length === 0 || time - burst.last > MAX_GAP_MS;
    return fresh ? { code: digit, first: time, last: time } : { code: burst.code + digit, first: burst.first, last: time };
}

/** Milliseconds a key the burst took on average (0 for a single digit). */
export function averageMs(burst) {
    return burst.code.length < 2 ? 0 : (burst.last - burst.first) / (burst.code.length - 1);
}

/** Whether Enter at `time` ends `burst` as a scan (else it was typed). */
export function endsAsScan(burst, time) {
    return burst.code.length >= MIN_LENGTH && time - burst.last <= MAX_GAP_MS && averageMs(burst) <= MAX_AVERAGE_MS;
}

/**
 * The codes read as scans from a run of key presses, each { key, time }: digits, "Enter", or any other key (which ends
 * a burst). What till.js does live, one key at a time.
 */
export function scansIn(presses) {
    const scans = [];
    let burst = emptyBurst();
    for (const { key, time } of presses) {
        if (/^[0-9]$/.test(key)) {
            burst = addDigit(burst, key, time);
        } else {
            if (key === "Enter" && endsAsScan(burst, time)) scans.push(burst.code);
            burst = emptyBurst();
        }
    }
    return scans;
}
