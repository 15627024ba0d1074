namespace Hearsay.Store.Migrations;

/// <summary>One schema change, numbered from 1. Applied versions are recorded in <c>schema_version</c>; never edit a shipped one, add the next.</summary>
public sealed record Migration(int Version, string Name, string Sql);
