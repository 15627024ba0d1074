namespace Hearsay.Stages.Speakers;

/// <summary>Common English first names and titles that tell a person's gender, for "he"/"she".</summary>
internal static class FirstNames
{
    private static readonly HashSet<string> Female = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mrs.", "Ms.", "Miss", "Hillary", "Melania", "Ivanka", "Chelsea", "Michelle", "Nancy", "Elizabeth", "Kellyanne",
        "Sarah", "Mary", "Patricia", "Jennifer", "Linda", "Barbara", "Susan", "Jessica", "Karen", "Lisa", "Betty",
        "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah",
        "Stephanie", "Rebecca", "Laura", "Helen", "Sharon", "Cynthia", "Kathleen", "Amy", "Angela", "Anna", "Ruth",
        "Brenda", "Pamela", "Nicole", "Katherine", "Catherine", "Christine", "Samantha", "Debra", "Rachel", "Carolyn",
        "Janet", "Maria", "Heather", "Diane", "Julie", "Joyce", "Victoria", "Kelly", "Christina", "Joan", "Evelyn",
        "Lauren", "Judith", "Olivia", "Megan", "Cheryl", "Martha", "Andrea", "Frances", "Hannah", "Jacqueline", "Ann",
        "Jean", "Alice", "Kathryn", "Gloria", "Teresa", "Doris", "Sara", "Janice", "Julia", "Marie", "Madison", "Grace",
        "Judy", "Theresa", "Beverly", "Denise", "Marilyn", "Amber", "Danielle", "Rose", "Brittany", "Diana", "Abigail",
        "Natalie", "Jane", "Lori", "Alexis", "Tiffany", "Kayla", "Huma", "Donna", "Debbie", "Claire", "Tammy", "Kamala",
        "Condoleezza", "Madeleine", "Sonia", "Ruth", "Dianne", "Kirsten", "Amy", "Nikki", "Carly", "Jill", "Tulsi", "Jan",
        "Susana", "Theresa", "Angela", "Marine", "Beth", "Dana", "Ellen", "Katie", "Megyn", "Rachel", "Mika", "Gwen",
    };

    private static readonly HashSet<string> Male = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Donald", "Barack", "Bill", "Joe", "Mike", "Bernie", "Ted", "Marco", "Jeb", "Ben", "Chris", "John", "Paul",
        "Mitch", "Tim", "Rudy", "Newt", "Reince", "Corey", "Eric", "Jared", "Robert", "Michael", "William", "David",
        "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven",
        "Andrew", "Kenneth", "Joshua", "Kevin", "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey",
        "Ryan", "Jacob", "Gary", "Nicholas", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin",
        "Samuel", "Gregory", "Frank", "Alexander", "Raymond", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
        "Jose", "Adam", "Henry", "Nathan", "Douglas", "Zachary", "Peter", "Kyle", "Walter", "Ethan", "Jeremy", "Harold",
        "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin", "Arthur", "Lawrence",
        "Jesse", "Dylan", "Bryan", "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan",
        "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Elijah", "Louis", "Bobby", "Philip", "Johnny",
        "Vladimir", "Volodymyr", "Xi", "Rand", "Lindsey", "Rick", "Jim", "Tom", "Bob", "Dick", "Harry", "Al", "Barney",
        "Gov.", "Sean", "Steve", "Dan", "Tony", "Ron", "Ken", "Greg", "Jon", "Rob", "Nick", "Doug", "Ray", "Hugh",
    };

    /// <summary>'f', 'm', or '?' from the first word of a name.</summary>
    public static char GenderOf(string name)
    {
        int space = name.IndexOf(' ');
        string first = space > 0 ? name[..space] : name;
        if (Female.Contains(first)) return 'f';
        if (Male.Contains(first) && first != "Gov.") return 'm';
        return '?';
    }
}
