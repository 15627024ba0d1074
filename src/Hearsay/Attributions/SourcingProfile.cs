using Hearsay.Text;

namespace Hearsay.Attributions;

/// <summary>
/// What an article's claims rest on: attributions counted by source kind, named against unnamed, and
/// first-hand against second-hand (reached through another outlet).
/// </summary>
public sealed record SourcingProfile(
    int Attributions,
    IReadOnlyDictionary<EntityKind, int> ByKind,
    int Named,
    int Anonymous,
    int Unresolved,
    int FirstHand,
    int SecondHand)
{
    public double Share(int count) => Attributions == 0 ? 0 : (double)count / Attributions;

    public static SourcingProfile Of(Document document)
    {
        var byKind = Enum.GetValues<EntityKind>().ToDictionary(k => k, _ => 0);
        int named = 0, anonymous = 0, unresolved = 0, firstHand = 0, secondHand = 0;
        foreach (var attribution in document.Attributions)
        {
            if (attribution.Speaker is not { } speaker) unresolved++;
            else
            {
                byKind[speaker.Kind]++;
                if (speaker.Named) named++; else anonymous++;
            }
            // Second-hand: another outlet stands in the chain between the article and the speaker.
            bool throughOutlet = attribution.Chain.Take(Math.Max(0, attribution.Chain.Count - 1)).Any(e => e.Kind == EntityKind.Outlet);
            if (throughOutlet) secondHand++; else firstHand++;
        }
        return new SourcingProfile(document.Attributions.Count, byKind, named, anonymous, unresolved, firstHand, secondHand);
    }
}
