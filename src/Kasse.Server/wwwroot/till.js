// The till's keyboard: a keyboard-wedge scanner anywhere on the screen, and shortcuts for a cashier without a mouse.
//
// A keyboard-wedge scanner's codes are told from typing by the burst rule in scanner.js (its pace, length and the
// Enter at its end), wherever the focus is. Times are the events' own time stamps, not when the page got round to
// handling them. If the burst landed in a text field, it is taken out again.

import { emptyBurst, addDigit, endsAsScan, averageMs } from "./scanner.js";

const SHORTCUTS = new Set(["F2", "F4", "F8", "F9", "Escape"]);
const LINE_KEYS = new Set(["+", "-", "Delete", "ArrowUp", "ArrowDown"]);

let burst = emptyBurst();
let burstTarget = null;
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
        const next = addDigit(burst, e.key, now);
        if (next.code.length === 1) burstTarget = document.activeElement;
        burst = next;
        return;
    }
    if (e.key === "Enter") {
        const ended = burst;
        burst = emptyBurst();
        const isScan = endsAsScan(ended, now);
        if (!isScan && ended.code.length > 0) {
            // Said in the console so a scanner that is set up too slow (or a burst cut short by a pause) can be told
            // apart from a broken one.
            console.debug(`kasse: ${ended.code.length} digits then Enter, ${averageMs(ended).toFixed(1)} ms a key: typed, not scanned`);
        }
        if (isScan) {
            e.preventDefault();
            e.stopPropagation();
            takeOutOfField(burstTarget, ended.code);
            dotnet.invokeMethodAsync("OnScanned", ended.code);
        }
        return;
    }
    burst = emptyBurst();
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
