// The till's keyboard: a keyboard-wedge scanner anywhere on the screen, and shortcuts for a cashier without a mouse.
//
// A scanner "types" a code as a burst of digits, a few milliseconds apart (slow wireless ones some 30 ms), and ends
// it with Enter. A person types far slower: even a trained keypad operator needs 150 ms or more a key. So a run of at least MIN_LENGTH digits that came on average within
// MAX_AVERAGE_MS of each other, ended by Enter, is a scan — wherever the focus is. A single longer gap (up to
// MAX_GAP_MS) is allowed inside a burst: a busy page can hold keys back for a moment. Times are the events' own
// time stamps, not when the page got round to handling them. If the burst landed in a text field, it is taken
// out again.

const MIN_LENGTH = 6;
const MAX_AVERAGE_MS = 80;
const MAX_GAP_MS = 250;
const SHORTCUTS = new Set(["F2", "F4", "F8", "F9", "Escape"]);
const LINE_KEYS = new Set(["+", "-", "Delete", "ArrowUp", "ArrowDown"]);

let burst = { code: "", first: 0, last: 0, target: null };
let handler = null;

function isTextField(el) {
    if (!el) return false;
    if (el.tagName === "TEXTAREA" || el.isContentEditable) return true;
    return el.tagName === "INPUT" && !["button", "checkbox", "radio", "submit"].includes(el.type);
}

function takeOutOfField(field, code) {
    if (!isTextField(field) || typeof field.value !== "string" || !field.value.endsWith(code)) return;
    field.value = field.value.slice(0, field.value.length - code.length);
    field.dispatchEvent(new Event("input", { bubbles: true }));
}

function onKeyDown(e, dotnet) {
    const now = e.timeStamp || performance.now();
    if (/^[0-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
        if (burst.code.length > 0 && now - burst.last > MAX_GAP_MS) burst.code = "";
        if (burst.code.length === 0) {
            burst.target = document.activeElement;
            burst.first = now;
        }
        burst.code += e.key;
        burst.last = now;
        return;
    }
    if (e.key === "Enter") {
        const n = burst.code.length;
        const isScan = n >= MIN_LENGTH && now - burst.last <= MAX_GAP_MS && (burst.last - burst.first) / (n - 1) <= MAX_AVERAGE_MS;
        const code = burst.code;
        burst.code = "";
        if (!isScan && n > 0) {
            // Said in the console so a scanner that is set up too slow (or a burst cut short by a pause) can be told
            // apart from a broken one.
            console.debug(`kasse: ${n} digits then Enter, ${((burst.last - burst.first) / (n - 1)).toFixed(1)} ms a key: typed, not scanned`);
        }
        if (isScan) {
            e.preventDefault();
            e.stopPropagation();
            takeOutOfField(burst.target, code);
            dotnet.invokeMethodAsync("OnScanned", code);
        }
        return;
    }
    burst.code = "";
    if (SHORTCUTS.has(e.key)) {
        e.preventDefault();
        dotnet.invokeMethodAsync("OnShortcut", e.key);
        return;
    }
    // +, −, Delete and the arrows act on the cart only when no field is being typed in.
    if (LINE_KEYS.has(e.key) && !isTextField(document.activeElement) && !document.querySelector(".overlay")) {
        e.preventDefault();
        dotnet.invokeMethodAsync("OnShortcut", e.key);
    }
}

export function attach(dotnet) {
    detach();
    handler = e => onKeyDown(e, dotnet);
    // Capture phase: the scanner wins over any field's own Enter handling.
    window.addEventListener("keydown", handler, true);
}

export function detach() {
    if (handler) window.removeEventListener("keydown", handler, true);
    handler = null;
}

// A short beep when a scan lands and a low buzz on an error, so the cashier hears it without looking up. Switched off
// in the till menu, remembered per browser. Web Audio: nothing to download, and a keydown is the user gesture that lets it play.
const SOUND_KEY = "kasse.till.sound";
let audio = null;

export function soundOn() {
    return localStorage.getItem(SOUND_KEY) !== "off";
}

export function setSound(on) {
    localStorage.setItem(SOUND_KEY, on ? "on" : "off");
}

export function beep(kind) {
    if (!soundOn()) return;
    (window.kasseBeeps ??= []).push(kind); // what was played, so a browser test can tell
    try {
        audio ??= new AudioContext();
        if (audio.state === "suspended") audio.resume();
        const error = kind === "error";
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = error ? "square" : "sine";
        oscillator.frequency.value = error ? 220 : 1500;
        const start = audio.currentTime, length = error ? 0.35 : 0.08;
        gain.gain.setValueAtTime(0.12, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + length);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start);
        oscillator.stop(start + length);
    } catch {
        // no audio here: the screen still says it
    }
}

// Scrolls a cart line into view (only as far as needed), so the line just scanned is never below the fold.
export function reveal(selector) {
    document.querySelector(selector)?.scrollIntoView({ block: "nearest" });
}

export function focus(selector) {
    const el = document.querySelector(selector);
    if (el) {
        el.focus();
        if (typeof el.select === "function") el.select();
    }
}

export function scrollIntoView(selector) {
    const el = document.querySelector(selector);
    if (el) el.scrollIntoView({ block: "nearest" });
}

// Prints only the receipt paper (see the print rules in kasse.css).
export function printReceipt() {
    document.body.classList.add("printing-receipt");
    window.print();
    document.body.classList.remove("printing-receipt");
}
