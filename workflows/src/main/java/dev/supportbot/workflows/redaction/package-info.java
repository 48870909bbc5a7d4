/**
 * Finding the secrets customers paste into tickets, so they can be redacted: cloud activation codes and legacy
 * license keys. Entry point: {@link dev.supportbot.workflows.redaction.SecretScanner}; one pass, no regex, no I/O.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Activation code</b>: exactly 24 ASCII letters/digits with both letter cases, standing as a token of its
 *   own; rules and their cost in {@code ActivationCodeRule}. A 24-char token inside a URL (path, query, fragment) is
 *   never reported: such tokens are resource ids, and GitLab never puts activation codes in URLs.</li>
 *   <li><b>License key</b>: base64 from {@code eyJkYXRh} that decodes, as it is read, to the license JSON
 *   (data, key, iv); rules in {@code LicenseBlob}. Supported wrapping: any width from 8, LF/CRLF/CR, JSON-escaped
 *   line breaks, spaces instead of line breaks, line prefixes of spaces, tabs and {@code >} (indentation and email
 *   quoting). Not supported: other line prefixes ({@code |}, line numbers), a marker split across lines.</li>
 *   <li><b>Spans</b>: a license span covers the blob from its first to its last char, padding included, and the
 *   {@code -----BEGIN ... LICENSE-----}/{@code -----END ... LICENSE-----} lines right around it. Text around a
 *   span, line breaks and quote prefixes included, is never part of it.</li>
 *   <li><b>Err on redacting license material</b>: a cut-off paste of 40+ base64 chars that decodes as far as it goes
 *   to <code>{"data":"&lt;base64&gt;</code> is a license key, and so is a damaged single-line blob that started as one.</li>
 * </ul>
 * The corpus, precision/recall figures and the benchmark are in the tests ({@code CorpusTest},
 * {@code RandomizedScannerTest}, {@code bench.ScannerBenchmark}).
 */
package dev.supportbot.workflows.redaction;
