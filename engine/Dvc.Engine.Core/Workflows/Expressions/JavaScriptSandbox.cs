using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// The one way to run definition JavaScript: a Jint engine with no CLR access and every limit of
/// <see cref="ExpressionSandboxOptions"/>, for one evaluation. Any activity that runs a script (expressions,
/// <c>Elsa.RunJavaScript</c>) takes its engine from here, so the limits are the same everywhere.
/// </summary>
/// <remarks>
/// Jint checks its limits between statements, so one built-in call could still allocate a gigabyte (<c>"x".repeat(2**28)</c>)
/// or run for seconds. The built-ins that build a large value in one call are therefore wrapped (before the script runs, in
/// its own realm) so they refuse a result longer than <see cref="ExpressionSandboxOptions.MaxTextLength"/> before making it, and the ones that loop
/// natively over matches call back into script, where the limits apply. Binary buffers, a second realm and
/// <c>eval</c> are removed. Values cross as JSON, serialized inside the engine under the same limits (a throwing or
/// endless <c>toJSON</c> is the script's failure, not the host's), and the bytes allocated are checked once more at the end.
/// Every failure comes out as a <see cref="WorkflowExpressionException"/>.
/// </remarks>
internal sealed class JavaScriptSandbox
{
    /// <summary>Largest array a script may build; JSON values and lists in a dossier are far smaller.</summary>
    public const uint ArrayLimit = 100_000;

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true },
    };

    // Globals a workflow expression never needs and that allocate or evaluate outside the guards.
    private static readonly string[] Removed =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "ShadowRealm", "WeakRef", "FinalizationRegistry",
        "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    ];

    private static readonly Prepared<Script> Guards = JsEngine.PrepareScript(GuardsSource, options: PreparationOptions);

    private readonly ExpressionSandboxOptions _options;
    private readonly long _startBytes;
    private readonly JsValue _serialize;

    public JavaScriptSandbox(ExpressionSandboxOptions options)
    {
        _options = options;
        Engine = new JsEngine(o =>
        {
            o.LimitRecursion(options.MaxRecursion);
            o.MaxStatements(options.MaxStatements);
            o.TimeoutInterval(options.Timeout);
            o.LimitMemory(options.MemoryBytes);
            o.MaxArraySize(ArrayLimit);

            // A regex runs inside one statement, so its own time-out must not exceed the script's.
            o.RegexTimeoutInterval(options.Timeout / 2);
            o.DisableStringCompilation();
            o.Strict = false;
        });

        foreach (var name in Removed)
        {
            Engine.Global.Delete(name);
        }

        var install = Engine.Evaluate(Guards);
        _serialize = Engine.Invoke(install, options.MaxTextLength, ArrayLimit);
        _startBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    public JsEngine Engine { get; }

    /// <summary>Prepares a script once (at compile time); a syntax error comes back as the message.</summary>
    public static Prepared<Script>? TryPrepare(string code, out string? error)
    {
        try
        {
            error = null;
            return JsEngine.PrepareScript(string.IsNullOrWhiteSpace(code) ? "undefined" : code, options: PreparationOptions);
        }
        catch (ScriptPreparationException ex)
        {
            error = ex.InnerException?.Message ?? ex.Message;
            return null;
        }
    }

    /// <summary>A JSON value as a script value (a fresh copy).</summary>
    public JsValue ToJs(JsonNode? node) => node is null ? JsValue.Null : new Jint.Native.Json.JsonParser(Engine).Parse(node.ToJsonString());

    /// <summary>A script value as JSON, serialized by the guarded <c>JSON.stringify</c> under the engine's limits.</summary>
    public JsonNode? ToJson(JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = Engine.Invoke(_serialize, value);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    /// <summary>Runs <paramref name="evaluate"/> and turns whatever goes wrong into a <see cref="WorkflowExpressionException"/>.</summary>
    public T Run<T>(Func<T> evaluate)
    {
        T result;
        try
        {
            result = evaluate();
        }
        catch (WorkflowExpressionException)
        {
            throw;
        }
        catch (JavaScriptException ex)
        {
            throw new WorkflowExpressionException($"JavaScript error: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or ExecutionCanceledException or StatementsCountOverflowException
            or RecursionDepthOverflowException or MemoryLimitExceededException or RegexMatchTimeoutException or JintException)
        {
            throw new WorkflowExpressionException($"JavaScript stopped by the sandbox: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // JSON too deep to read back, an interop edge case…: still the script's failure, never the host's.
            throw new WorkflowExpressionException($"JavaScript failed: {ex.Message}", ex);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - _startBytes;
        if (allocated > _options.MemoryBytes * 2)
        {
            throw new WorkflowExpressionException($"JavaScript stopped by the sandbox: it allocated {allocated / (1024 * 1024)} MB, more than its {_options.MemoryBytes / (1024 * 1024)} MB.");
        }

        return result;
    }

    /// <summary>
    /// Installs the guarded built-ins and returns the guarded serializer. Written against the specification's algorithms
    /// (GetSubstitution for replacement patterns), so scripts see the usual results, names and lengths.
    /// </summary>
    private const string GuardsSource = """
        (function (max, maxArray) {
          'use strict';
          const tooLong = () => { throw new RangeError('Invalid string length: a script may build at most ' + max + ' characters'); };
          const define = (target, fn) => Object.defineProperty(target, fn.name, { value: fn, writable: true, configurable: true, enumerable: false });
          const S = String.prototype, A = Array.prototype;
          const native = { repeat: S.repeat, padStart: S.padStart, padEnd: S.padEnd, concat: S.concat, replace: S.replace,
            replaceAll: S.replaceAll, match: S.match, matchAll: S.matchAll, join: A.join, stringify: JSON.stringify, isArray: Array.isArray };
          const text = (self) => { if (self === null || self === undefined) { throw new TypeError('String.prototype method called on null or undefined'); } return String(self); };

          const substitute = (replacement, matched, str, position, captures, groups) => {
            let out = '';
            for (let i = 0; i < replacement.length; i++) {
              const c = replacement[i];
              if (c !== '$' || i + 1 >= replacement.length) { out += c; continue; }
              const n = replacement[i + 1];
              if (n === '$') { out += '$'; i++; }
              else if (n === '&') { out += matched; i++; }
              else if (n === '`') { out += str.slice(0, position); i++; }
              else if (n === "'") { out += str.slice(Math.min(str.length, position + matched.length)); i++; }
              else if (n >= '0' && n <= '9') {
                const two = replacement.slice(i + 1, i + 3);
                const twoIndex = two.length === 2 && two[1] >= '0' && two[1] <= '9' ? Number(two) : 0;
                const oneIndex = Number(n);
                if (twoIndex >= 1 && twoIndex <= captures.length) { const v = captures[twoIndex - 1]; out += v === undefined ? '' : String(v); i += 2; }
                else if (oneIndex >= 1 && oneIndex <= captures.length) { const v = captures[oneIndex - 1]; out += v === undefined ? '' : String(v); i += 1; }
                else { out += c; }
              }
              else if (n === '<' && groups !== undefined) {
                const end = replacement.indexOf('>', i + 2);
                if (end < 0) { out += c; continue; }
                const v = groups[replacement.slice(i + 2, end)];
                out += v === undefined ? '' : String(v);
                i = end;
              }
              else { out += c; }
              if (out.length > max) { tooLong(); }
            }
            return out;
          };

          const guardedReplace = (nativeReplace, self, search, replacement) => {
            const str = text(self);
            let total = str.length;
            const user = typeof replacement === 'function' ? replacement : null;
            const pattern = user === null ? String(replacement) : '';
            const replacer = function (...args) {
              let n = args.length;
              const groups = typeof args[n - 1] === 'object' ? args[--n] : undefined;
              const piece = user !== null ? String(user.apply(undefined, args))
                : substitute(pattern, args[0], args[n - 1], args[n - 2], args.slice(1, n - 2), groups);
              total += piece.length;
              if (total > max) { tooLong(); }
              return piece;
            };
            return nativeReplace.call(str, search, replacer);
          };

          define(S, { repeat(count) { const s = text(this); const n = Math.trunc(Number(count)); if (n > 0 && s.length * n > max) { tooLong(); } return native.repeat.call(s, count); } }.repeat);
          define(S, { padStart(maxLength, fillString) { if (Number(maxLength) > max) { tooLong(); } return native.padStart.call(text(this), maxLength, fillString); } }.padStart);
          define(S, { padEnd(maxLength, fillString) { if (Number(maxLength) > max) { tooLong(); } return native.padEnd.call(text(this), maxLength, fillString); } }.padEnd);
          define(S, { concat(...parts) {
            const s = text(this); const strings = parts.map(String);
            let total = s.length; for (const p of strings) { total += p.length; if (total > max) { tooLong(); } }
            return native.concat.apply(s, strings); } }.concat);
          define(S, { replace(searchValue, replaceValue) { return guardedReplace(native.replace, this, searchValue, replaceValue); } }.replace);
          define(S, { replaceAll(searchValue, replaceValue) { return guardedReplace(native.replaceAll, this, searchValue, replaceValue); } }.replaceAll);
          define(S, { match(regexp) {
            const s = text(this);
            if (!(regexp instanceof RegExp) || !regexp.global) { return native.match.call(s, regexp); }
            // A global match loops natively over every match; looping here keeps the script's limits in force.
            regexp.lastIndex = 0;
            const found = [];
            for (const m of native.matchAll.call(s, regexp)) { found.push(m[0]); if (found.length > maxArray) { throw new RangeError('Too many matches'); } }
            regexp.lastIndex = 0;
            return found.length === 0 ? null : found; } }.match);
          define(A, { join(separator) {
            const o = Object(this);
            const length = Math.min(Math.max(0, Math.trunc(Number(o.length)) || 0), Number.MAX_SAFE_INTEGER);
            if (length > maxArray) { throw new RangeError('Invalid array length'); }
            const sep = separator === undefined ? ',' : String(separator);
            const parts = [];
            let total = length > 0 ? (length - 1) * sep.length : 0;
            if (total > max) { tooLong(); }
            for (let i = 0; i < length; i++) {
              const v = o[i];
              const s = v === null || v === undefined ? '' : String(v);
              total += s.length;
              if (total > max) { tooLong(); }
              parts.push(s);
            }
            return native.join.call(parts, sep); } }.join);

          // Counts what JSON.stringify is about to write (escapes can make a character six), so a structure that shares
          // one large value many times is refused before its text is built. An array replacer keeps its meaning (order aside).
          const stringify = { stringify(value, replacer, space) {
            const indent = typeof space === 'number' ? Math.min(10, Math.max(0, Math.trunc(space))) : typeof space === 'string' ? Math.min(10, space.length) : 0;
            const keep = native.isArray(replacer) ? new Set(replacer.filter(k => typeof k === 'string' || typeof k === 'number').map(String)) : null;
            const user = typeof replacer === 'function' ? replacer : null;
            let total = 0;
            const counted = function (key, v) {
              if (keep !== null && key !== '' && !native.isArray(this) && !keep.has(key)) { return undefined; }
              const out = user !== null ? user.call(this, key, v) : v;
              total += key.length * 6 + 8 + indent * 16 + (typeof out === 'string' ? out.length * 6 : 0);
              if (total > max) { tooLong(); }
              return out;
            };
            return native.stringify(value, counted, space); } }.stringify;
          define(JSON, stringify);
          return (value) => stringify(value);
        })
        """;
}
