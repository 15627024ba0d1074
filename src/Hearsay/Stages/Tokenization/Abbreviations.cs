namespace Hearsay.Stages.Tokenization;

/// <summary>Words that keep their final period in news text, and the ones that can never end a sentence.</summary>
internal static class Abbreviations
{
    // Titles and name parts: a following capitalised word is a name, not a new sentence.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Lt", "Col",
        "Maj", "Sgt", "Capt", "Cmdr", "Adm", "Rev", "Hon", "Pres", "Supt", "Atty", "Gens", "Cpl", "Pvt", "Amb",
        "Sr", "Jr", "St", "Ft", "Mt", "vs", "v", "Rt", "Fr",
    };

    private static readonly HashSet<string> Others = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Hwy",
        "etc", "approx", "est", "vol", "fig", "al", "cf", "ibid", "e.g", "i.e", "a.m", "p.m", "A.M", "P.M",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
        "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    };

    public static bool IsTitle(ReadOnlySpan<char> wordWithoutPeriod) =>
        Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(wordWithoutPeriod);

    public static bool IsKnown(ReadOnlySpan<char> wordWithoutPeriod) =>
        IsTitle(wordWithoutPeriod) || Others.GetAlternateLookup<ReadOnlySpan<char>>().Contains(wordWithoutPeriod);
}
