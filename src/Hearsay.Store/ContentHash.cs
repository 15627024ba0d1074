using System.Security.Cryptography;
using System.Text;

namespace Hearsay.Store;

/// <summary>The identity of an article for de-duplication: SHA-256 of its text as UTF-8, in lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
