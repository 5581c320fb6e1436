// Small helpers for the back office pages (loaded as a module, so the Content-Security-Policy stays 'self').

/** Copies text to the clipboard; false when the browser refuses (e.g. not a secure context). */
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
