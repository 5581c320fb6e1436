using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kasse.Server.Tests.Reliability;

/// <summary>An API endpoint as the app maps it, with its request body's schema from the OpenAPI description.</summary>
public sealed record FuzzEndpoint(string Method, string Pattern, JsonElement? BodySchema, IReadOnlyList<string> QueryParameters)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>One generated request: what was sent, and in a word why it is hostile.</summary>
public sealed record HostileRequest(string Method, string Path, string? ContentType, byte[]? Body, string Kind)
{
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {Path} [{Kind}] {ContentType} {body}";
    }
}

/// <summary>
/// Makes malformed and hostile requests from an endpoint's OpenAPI schema, from a fixed seed: a plausible body first,
/// then one thing wrong with it (a field missing or of the wrong type, huge or negative numbers, overlong and odd
/// Unicode, SQL and script injection, broken JSON, a wrong content type, an oversized body, hostile ids and query).
/// </summary>
public sealed class HostileRequests(Random random, JsonElement openApi, IReadOnlyDictionary<string, IReadOnlyList<string>> knownIds)
{
    public static readonly string[] HostileStrings =
    [
        "", " ", "' OR '1'='1", "'; DROP TABLE \"Sales\"; --", "\" OR 1=1 --", "1; SELECT pg_sleep(10)", "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd",
        "%00", "\0", "\u0007\u0008\u001b[31m", "\u202eevil\u202c", "Z\u0351\u0352\u0353a\u0354\u0355lgo", "👨‍👩‍👧‍👦🇩🇰",
        "\ufeff", "\uffff", "ÆØÅæøå", "𝕂𝕒𝕤𝕤𝕖", "Robert'); DELETE FROM \"Products\";--", "null", "NaN", "-0", "1e309",
        "00000000-0000-0000-0000-000000000000", new string('A', 5_000), new string('ø', 100_001), "\r\nX-Injected: 1",
    ];

    private static readonly string[] HostileNumbers =
    [
        "-1", "0", "-0.0", "1e30", "-1e30", "1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "79228162514264337593543950336", "0.000000001", "123456789012.345", "2147483648", "-2147483649", "1.5", "NaN", "Infinity",
    ];

    private int _depth;

    public HostileRequest Next(FuzzEndpoint endpoint)
    {
        // Body mutations only where the endpoint reads a body; one that takes none ignores whatever is sent.
        var hasBody = endpoint.BodySchema is not null;
        var kind = random.Next(hasBody ? 14 : 4);
        var path = FillRoute(endpoint.Pattern, hostile: kind == 1);
        if (kind == 2 || (kind == 3 && endpoint.QueryParameters.Count > 0))
            path += HostileQuery(endpoint.QueryParameters);
        if (!hasBody)
            return new HostileRequest(endpoint.Method, path, null, null, kind switch { 1 => "hostile id", 2 or 3 => "hostile query", _ => "plain" });

        var template = Template(endpoint.BodySchema);
        return kind switch
        {
            4 => Json(endpoint, path, Mutate(template, Drop), "field missing"),
            5 => Json(endpoint, path, Mutate(template, WrongType), "wrong type"),
            6 => JsonRaw(endpoint, path, NumberInto(template), "extreme number"),
            7 => Json(endpoint, path, Mutate(template, HostileString), "hostile string"),
            8 => new HostileRequest(endpoint.Method, path, "application/json", Encoding.UTF8.GetBytes(BrokenJson(template)), "invalid JSON"),
            9 => new HostileRequest(endpoint.Method, path, WrongContentType(), Encoding.UTF8.GetBytes(template?.ToJsonString() ?? "{}"), "wrong content type"),
            10 => new HostileRequest(endpoint.Method, path, "application/json", Oversized(), "oversized body"),
            11 => Json(endpoint, path, Mutate(template, Unknown), "unknown field"),
            12 => new HostileRequest(endpoint.Method, path, "application/json", [0xC3, 0x28, 0xFF, 0xFE, 0x7B], "not UTF-8"),
            13 => new HostileRequest(endpoint.Method, path, "application/json", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "deep nesting"),
            _ => Json(endpoint, path, template, "plausible"),
        };
    }

    private static HostileRequest Json(FuzzEndpoint e, string path, JsonNode? body, string kind) =>
        new(e.Method, path, "application/json", Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), kind);

    private static HostileRequest JsonRaw(FuzzEndpoint e, string path, string body, string kind) =>
        new(e.Method, path, "application/json", Encoding.UTF8.GetBytes(body), kind);

    private string FillRoute(string pattern, bool hostile)
    {
        var parts = pattern.Split('/');
        var hostileIndex = hostile ? random.Next(parts.Length) : -1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith('{'))
                continue;
            var name = parts[i].Trim('{', '}').Split(':')[0].TrimEnd('?');
            string value;
            if (i == hostileIndex || (hostile && random.Next(3) == 0))
                value = Uri.EscapeDataString(Cut(Pick(HostileStrings), 300));
            else if (parts[i].Contains(":long", StringComparison.Ordinal) || parts[i].Contains(":int", StringComparison.Ordinal))
                value = random.Next(3) == 0 ? "9223372036854775807" : random.Next(1, 5).ToString(CultureInfo.InvariantCulture);
            else
                value = knownIds.TryGetValue(name, out var ids) && random.Next(4) != 0 ? Pick(ids) : Guid.CreateVersion7().ToString();
            parts[i] = value;
        }
        return string.Join('/', parts);
    }

    private string HostileQuery(IReadOnlyList<string> parameters)
    {
        var names = parameters.Count > 0 ? parameters : ["q"];
        return "?" + string.Join('&', names.Select(n => n + "=" + Uri.EscapeDataString(random.Next(2) == 0 ? Pick(HostileNumbers) : Cut(Pick(HostileStrings), 2000))));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>A body that matches the schema, with known ids where the field names one.</summary>
    private JsonNode? Template(JsonElement? schema)
    {
        _depth = 0;
        return schema is { } s ? Value(s, "") : null;
    }

    private JsonNode? Value(JsonElement schema, string name)
    {
        schema = Resolve(schema);
        if (++_depth > 40)
            return null;
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        foreach (var composite in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(composite, out var options))
                foreach (var option in options.EnumerateArray())
                    if (!IsNull(option))
                        return Value(option, name);
        var type = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject())
                        obj[property.Name] = Value(property.Value, property.Name);
                return obj;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Value(items, name)) : [];
            case "integer":
                return JsonValue.Create(random.Next(1, 4));
            case "number":
                return JsonValue.Create(random.Next(1, 2000) / 100m);
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            case "string" when format == "uuid":
                var key = name.EndsWith("Id", StringComparison.OrdinalIgnoreCase) ? name : name + "Id";
                return JsonValue.Create(knownIds.TryGetValue(key, out var ids) && random.Next(3) != 0 ? Pick(ids) : Guid.CreateVersion7().ToString());
            case "string" when format == "date-time":
                return JsonValue.Create(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            case "string" when format == "date":
                return JsonValue.Create(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "string":
                // Anything that could be an address of a device points at a closed loopback port: tests never leave the machine.
                if (name.Contains("address", StringComparison.OrdinalIgnoreCase) || name.Contains("url", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("host", StringComparison.OrdinalIgnoreCase))
                    return JsonValue.Create(name.Contains("url", StringComparison.OrdinalIgnoreCase) ? "http://127.0.0.1:9/" : "127.0.0.1:9");
                return JsonValue.Create("Fuzz " + random.Next(100000).ToString(CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        if (type.ValueKind == JsonValueKind.String)
            return type.GetString();
        return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    /// <summary>Applies <paramref name="change"/> to one randomly chosen field (at any depth), or to the body itself.</summary>
    private JsonNode? Mutate(JsonNode? body, Func<JsonObject, string, bool> change)
    {
        var objects = new List<JsonObject>();
        Collect(body, objects);
        if (objects.Count == 0)
        {
            var wrapper = new JsonObject { ["value"] = body?.DeepClone() };
            change(wrapper, "value");
            return wrapper["value"]?.DeepClone();
        }
        var target = objects[random.Next(objects.Count)];
        var names = target.Select(p => p.Key).ToList();
        if (names.Count == 0)
            target["fuzz"] = JsonValue.Create(Pick(HostileStrings));
        else
            change(target, names[random.Next(names.Count)]);
        return body;
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject obj:
                objects.Add(obj);
                foreach (var (_, child) in obj)
                    Collect(child, objects);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Collect(child, objects);
                break;
        }
    }

    private bool Drop(JsonObject obj, string name) => obj.Remove(name);

    private bool WrongType(JsonObject obj, string name)
    {
        obj[name] = obj[name]?.GetValueKind() switch
        {
            JsonValueKind.String => random.Next(3) switch { 0 => JsonValue.Create(42), 1 => new JsonArray("x"), _ => null },
            JsonValueKind.Number => random.Next(3) switch { 0 => JsonValue.Create("twelve"), 1 => JsonValue.Create(true), _ => new JsonObject() },
            JsonValueKind.Object => random.Next(2) == 0 ? JsonValue.Create("object") : new JsonArray(),
            JsonValueKind.Array => random.Next(2) == 0 ? JsonValue.Create(7) : new JsonObject { ["x"] = 1 },
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create("yes"),
            _ => JsonValue.Create(random.Next(2) == 0 ? "x" : "12"),
        };
        return true;
    }

    private bool HostileString(JsonObject obj, string name)
    {
        obj[name] = JsonValue.Create(Pick(HostileStrings));
        return true;
    }

    private bool Unknown(JsonObject obj, string name)
    {
        obj["__proto__"] = new JsonObject { ["isAdmin"] = true };
        obj[name + "X"] = 1;
        return true;
    }

    /// <summary>Numbers that don't fit C#'s types are written raw, as a client could send them.</summary>
    private string NumberInto(JsonNode? body)
    {
        const string marker = "\"__NUMBER__\"";
        var objects = new List<JsonObject>();
        Collect(body, objects);
        var candidates = objects.SelectMany(o => o.Where(p => p.Value?.GetValueKind() == JsonValueKind.Number).Select(p => (o, p.Key))).ToList();
        if (candidates.Count == 0 && objects.Count > 0)
            candidates = objects.SelectMany(o => o.Select(p => (o, p.Key))).ToList();
        if (candidates.Count == 0)
            return Pick(HostileNumbers);
        var (target, key) = candidates[random.Next(candidates.Count)];
        target[key] = JsonValue.Create("__NUMBER__");
        return body!.ToJsonString().Replace(marker, Pick(HostileNumbers), StringComparison.Ordinal);
    }

    private string BrokenJson(JsonNode? body)
    {
        var text = body?.ToJsonString() ?? "{\"a\":1}";
        return random.Next(6) switch
        {
            0 => text[..Math.Max(1, text.Length / 2)],
            1 => text.Replace('"', '\''),
            2 => text + ",",
            3 => "{" + text,
            4 => text.Replace(":", "=", StringComparison.Ordinal),
            _ => "<xml>" + text + "</xml>",
        };
    }

    private string WrongContentType() => Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "image/png"]);

    private byte[] Oversized()
    {
        // Just over the 1 MB limit: one huge string, as a client that pasted a file into a field would send.
        var size = (int)Kasse.Server.Hosting.KasseWebApp.MaxRequestBodyBytes + random.Next(1, 100_000);
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'a');
        "{\"name\":\""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(size - 2));
        return bytes;
    }
}
