//! Table-driven test of the figure grammar.
//!
//! Each positive case names a sentence, the exact text one figure's span must cover, and
//! the figure's kind and value, plus (where given) its high end, whole (`of`), unit,
//! currency, approximation and step. Each negative case names text in a sentence that no
//! figure may overlap. Every case runs; all failures are reported together at the end.
//!
//! Value strings: a plain number (`"18.65e6"`), a fraction `a/b` (`"2/3"`), or a date in
//! `CivilDate::iso()` form (`"2025-02-26"`, `"--02-26"`, `"2011-03"`, `"-W-3"`).

use figcheck::{Approx, Figure, Kind, SourceFormat, Value, figures_in_str};
use std::panic::{self, AssertUnwindSafe, Location};

// ---------------------------------------------------------------------------------------
// Case model
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
struct Expect {
    kind: Kind,
    value: &'static str,
    high: Option<&'static str>,
    of: Option<f64>,
    /// `Some(None)`: the figure must have no unit.
    unit: Option<Option<&'static str>>,
    currency: Option<&'static str>,
    approx: Option<Approx>,
    step: Option<f64>,
}

#[derive(Debug)]
struct Case {
    line: u32,
    sentence: &'static str,
    text: &'static str,
    /// `None` for a negative case: no figure may overlap `text`.
    expect: Option<Expect>,
}

/// A positive case: some figure's span text is exactly `text`, with this kind and value.
#[track_caller]
fn fig(sentence: &'static str, text: &'static str, kind: Kind, value: &'static str) -> Case {
    Case {
        line: Location::caller().line(),
        sentence,
        text,
        expect: Some(Expect {
            kind,
            value,
            high: None,
            of: None,
            unit: None,
            currency: None,
            approx: None,
            step: None,
        }),
    }
}

/// A negative case: no figure's span overlaps the first occurrence of `text`.
#[track_caller]
fn not(sentence: &'static str, text: &'static str) -> Case {
    Case {
        line: Location::caller().line(),
        sentence,
        text,
        expect: None,
    }
}

impl Case {
    fn with(mut self, f: impl FnOnce(&mut Expect)) -> Self {
        let line = self.line;
        f(self
            .expect
            .as_mut()
            .unwrap_or_else(|| panic!("line {line}: modifier on a negative case")));
        self
    }
    fn unit(self, u: &'static str) -> Self {
        self.with(|e| e.unit = Some(Some(u)))
    }
    fn no_unit(self) -> Self {
        self.with(|e| e.unit = Some(None))
    }
    fn high(self, h: &'static str) -> Self {
        self.with(|e| e.high = Some(h))
    }
    fn of(self, n: f64) -> Self {
        self.with(|e| e.of = Some(n))
    }
    fn cur(self, c: &'static str) -> Self {
        self.with(|e| e.currency = Some(c))
    }
    fn approx(self, a: Approx) -> Self {
        self.with(|e| e.approx = Some(a))
    }
    fn step(self, s: f64) -> Self {
        self.with(|e| e.step = Some(s))
    }
}

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

fn cases() -> Vec<Case> {
    use Approx::*;
    use Kind::*;
    vec![
        // ---- counts: number plus the counted noun ----------------------------------
        fig(
            "Labour won 88 seats in the election.",
            "88 seats",
            Count,
            "88",
        )
        .unit("seats")
        .approx(Exact)
        .step(1.0),
        fig(
            "Apple sold 18.65 million iPhones in the period.",
            "18.65 million iPhones",
            Count,
            "18.65e6",
        )
        .unit("iPhones")
        .step(1e4),
        fig(
            "Police said 4,540 people were arrested.",
            "4,540 people",
            Count,
            "4540",
        )
        .unit("people")
        .approx(Exact),
        fig(
            "The airline cancelled 312 flights on Friday.",
            "312 flights",
            Count,
            "312",
        )
        .unit("flights"),
        fig(
            "The airline cancelled 312 flights on Friday.",
            "Friday",
            Date,
            "-W-5",
        ),
        fig("The hospital has 640 beds.", "640 beds", Count, "640").unit("beds"),
        fig(
            "Firefighters rescued 17 residents from the blaze.",
            "17 residents",
            Count,
            "17",
        )
        .unit("residents"),
        fig(
            "Investigators recovered 9 bodies, officials said.",
            "9 bodies",
            Count,
            "9",
        )
        .unit("bodies"),
        fig("The tally stood at 42.", "42", Count, "42")
            .no_unit()
            .approx(Exact),
        fig(
            "The death toll rose to 31, officials said.",
            "31",
            Count,
            "31",
        )
        .no_unit(),
        fig("Numbers rose to 800 in the spring.", "800", Count, "800").no_unit(),
        fig(
            "The total fell to 65 and then recovered.",
            "65",
            Count,
            "65",
        )
        .no_unit(),
        fig(
            "Attendance reached 12,000 at the final.",
            "12,000",
            Count,
            "12000",
        )
        .no_unit(),
        fig(
            "The index closed at 1,234.5 on Tuesday.",
            "1,234.5",
            Count,
            "1234.5",
        )
        .no_unit()
        .step(0.1),
        fig(
            "The index closed at 1,234.5 on Tuesday.",
            "Tuesday",
            Date,
            "-W-2",
        ),
        fig("Consumer confidence fell to -3.", "-3", Count, "-3").no_unit(),
        fig("The platform claims 3bn users.", "3bn users", Count, "3e9")
            .unit("users")
            .step(1e9),
        fig(
            "The city is home to 1.2m people.",
            "1.2m people",
            Count,
            "1.2e6",
        )
        .unit("people")
        .step(1e5),
        fig(
            "The festival drew 50k visitors.",
            "50k visitors",
            Count,
            "50000",
        )
        .unit("visitors"),
        fig(
            "Global sales reached 2 billion units.",
            "2 billion units",
            Count,
            "2e9",
        )
        .unit("units"),
        fig(
            "Officials counted 3 million ballots.",
            "3 million ballots",
            Count,
            "3e6",
        )
        .unit("ballots"),
        fig(
            "India has 1.4 bn citizens.",
            "1.4 bn citizens",
            Count,
            "1.4e9",
        )
        .unit("citizens"),
        fig(
            "Officials counted 4.7 billion transactions.",
            "4.7 billion transactions",
            Count,
            "4.7e9",
        )
        .unit("transactions")
        .step(1e8),
        fig(
            "The bill passed with 326 votes (a majority of 80).",
            "326 votes",
            Count,
            "326",
        )
        .unit("votes"),
        fig(
            "The bill passed with 326 votes (a majority of 80).",
            "80",
            Count,
            "80",
        )
        .no_unit(),
        fig("\"It was 250,\" he said.", "250", Count, "250").no_unit(),
        fig(
            "Staff were told to expect \"12 redundancies\".",
            "12 redundancies",
            Count,
            "12",
        )
        .unit("redundancies"),
        fig(
            "The trust closed 14 wards (and two clinics).",
            "14 wards",
            Count,
            "14",
        )
        .unit("wards"),
        fig(
            "The trust closed 14 wards (and two clinics).",
            "two clinics",
            Count,
            "2",
        )
        .unit("clinics"),
        fig(
            "Officers seized 2,300 phones.",
            "2,300 phones",
            Count,
            "2300",
        )
        .unit("phones"),
        fig(
            "27 lorries were stuck on the motorway.",
            "27 lorries",
            Count,
            "27",
        )
        .unit("lorries"),
        // ---- word numbers ----------------------------------------------------------
        fig(
            "Seventy-three people were injured in the crash.",
            "Seventy-three people",
            Count,
            "73",
        )
        .unit("people")
        .step(1.0),
        fig(
            "The charity has handed out two hundred and fifty thousand meals.",
            "two hundred and fifty thousand meals",
            Count,
            "250000",
        )
        .unit("meals"),
        fig(
            "A dozen protesters gathered outside parliament.",
            "A dozen protesters",
            Count,
            "12",
        )
        .unit("protesters"),
        fig(
            "A hundred volunteers cleared the beach.",
            "A hundred volunteers",
            Count,
            "100",
        )
        .unit("volunteers"),
        fig(
            "The storm left a million homes without power.",
            "a million homes",
            Count,
            "1e6",
        )
        .unit("homes"),
        fig(
            "The scheme has reached two million households.",
            "two million households",
            Count,
            "2e6",
        )
        .unit("households"),
        fig(
            "Eleven ministers resigned on Tuesday.",
            "Eleven ministers",
            Count,
            "11",
        )
        .unit("ministers"),
        fig(
            "Eleven ministers resigned on Tuesday.",
            "Tuesday",
            Date,
            "-W-2",
        ),
        fig(
            "The club signed three players in January.",
            "three players",
            Count,
            "3",
        )
        .unit("players"),
        fig(
            "Forty-two schools closed because of snow.",
            "Forty-two schools",
            Count,
            "42",
        )
        .unit("schools"),
        fig(
            "Nineteen passengers were treated in hospital.",
            "Nineteen passengers",
            Count,
            "19",
        )
        .unit("passengers"),
        fig(
            "The jury heard from twelve witnesses.",
            "twelve witnesses",
            Count,
            "12",
        )
        .unit("witnesses"),
        fig(
            "The team has won five titles since 2014.",
            "five titles",
            Count,
            "5",
        )
        .unit("titles"),
        fig(
            "The museum returned ninety-nine artefacts.",
            "ninety-nine artefacts",
            Count,
            "99",
        )
        .unit("artefacts"),
        fig(
            "One thousand troops will be deployed.",
            "One thousand troops",
            Count,
            "1000",
        )
        .unit("troops"),
        fig(
            "The firm will cut three hundred jobs.",
            "three hundred jobs",
            Count,
            "300",
        )
        .unit("jobs"),
        fig(
            "The inquiry interviewed seventy-three officers.",
            "seventy-three officers",
            Count,
            "73",
        )
        .unit("officers"),
        fig("The vote was won by a dozen.", "a dozen", Count, "12").no_unit(),
        // ---- approximation words ---------------------------------------------------
        fig(
            "About 1,200 workers walked out, union leaders said.",
            "1,200 workers",
            Count,
            "1200",
        )
        .unit("workers")
        .approx(About),
        fig(
            "Around 300 families were evacuated.",
            "300 families",
            Count,
            "300",
        )
        .approx(About),
        fig(
            "Roughly 2,000 jobs are at risk.",
            "2,000 jobs",
            Count,
            "2000",
        )
        .approx(About),
        fig(
            "Approximately 45 patients were moved.",
            "45 patients",
            Count,
            "45",
        )
        .approx(About),
        fig(
            "Some 600 migrants crossed the Channel on Monday.",
            "600 migrants",
            Count,
            "600",
        )
        .approx(About),
        fig(
            "Some 600 migrants crossed the Channel on Monday.",
            "Monday",
            Date,
            "-W-1",
        ),
        fig(
            "An estimated 40,000 fans attended the parade.",
            "40,000 fans",
            Count,
            "40000",
        )
        .unit("fans")
        .approx(About),
        fig(
            "Police said around 70 officers were injured.",
            "70 officers",
            Count,
            "70",
        )
        .approx(About),
        fig("Nearly 40% of voters stayed at home.", "40%", Percent, "40")
            .unit("%")
            .approx(Nearly),
        fig("Almost 90 homes were damaged.", "90 homes", Count, "90").approx(Nearly),
        fig(
            "Close to 5,000 people signed the letter.",
            "5,000 people",
            Count,
            "5000",
        )
        .approx(Nearly),
        fig(
            "The fund has nearly 800 members.",
            "800 members",
            Count,
            "800",
        )
        .approx(Nearly),
        fig(
            "At least 23 people died in the floods.",
            "23 people",
            Count,
            "23",
        )
        .approx(AtLeast),
        fig(
            "No fewer than 14 candidates entered the race.",
            "14 candidates",
            Count,
            "14",
        )
        .approx(AtLeast),
        fig(
            "Rescuers freed at least 11 miners.",
            "11 miners",
            Count,
            "11",
        )
        .approx(AtLeast),
        fig(
            "More than 200 flights were grounded.",
            "200 flights",
            Count,
            "200",
        )
        .approx(MoreThan),
        fig("Over 3,000 homes lost power.", "3,000 homes", Count, "3000").approx(MoreThan),
        fig("Support rose above 60%.", "60%", Percent, "60").approx(MoreThan),
        fig(
            "The deal is worth north of $2 billion.",
            "$2 billion",
            Money,
            "2e9",
        )
        .cur("USD")
        .approx(MoreThan),
        fig(
            "Upwards of 500 vehicles were stranded.",
            "500 vehicles",
            Count,
            "500",
        )
        .approx(MoreThan),
        fig(
            "Damages in excess of £1m were awarded.",
            "£1m",
            Money,
            "1e6",
        )
        .cur("GBP")
        .approx(MoreThan),
        fig(
            "Quarterly revenue topped $10 billion.",
            "$10 billion",
            Money,
            "1e10",
        )
        .cur("USD")
        .approx(MoreThan),
        fig(
            "Subscriptions surpassed 100 million in March.",
            "100 million",
            Count,
            "1e8",
        )
        .no_unit()
        .approx(MoreThan),
        fig(
            "The appeal raised more than £40,000.",
            "£40,000",
            Money,
            "40000",
        )
        .cur("GBP")
        .approx(MoreThan),
        fig("Up to 80 jobs could go.", "80 jobs", Count, "80").approx(AtMost),
        fig(
            "The hall can seat at most 400 guests.",
            "400 guests",
            Count,
            "400",
        )
        .approx(AtMost),
        fig(
            "As many as 1,500 troops may be sent.",
            "1,500 troops",
            Count,
            "1500",
        )
        .approx(AtMost),
        fig(
            "No more than 30 people may gather indoors.",
            "30 people",
            Count,
            "30",
        )
        .approx(AtMost),
        fig("Less than 5% of the budget was spent.", "5%", Percent, "5").approx(LessThan),
        fig(
            "Fewer than 100 tickets remain.",
            "100 tickets",
            Count,
            "100",
        )
        .approx(LessThan),
        fig(
            "Under 20 per cent of staff returned.",
            "20 per cent",
            Percent,
            "20",
        )
        .approx(LessThan),
        fig("Turnout fell below 35%.", "35%", Percent, "35").approx(LessThan),
        fig(
            "Firms that employ 50 or more must publish the data.",
            "50 or more",
            Count,
            "50",
        )
        .approx(AtLeast),
        fig(
            "Towns of 100,000 or more will receive funding.",
            "100,000 or more",
            Count,
            "100000",
        )
        .approx(AtLeast),
        // ---- percentages -----------------------------------------------------------
        fig("The turnout was 67.3%.", "67.3%", Percent, "67.3")
            .unit("%")
            .step(0.1),
        fig("Unemployment fell to 4.2% in June.", "4.2%", Percent, "4.2").unit("%"),
        fig(
            "About 50 percent of respondents agreed.",
            "50 percent",
            Percent,
            "50",
        )
        .unit("%")
        .approx(About),
        fig(
            "Prices rose 50 per cent over the decade.",
            "50 per cent",
            Percent,
            "50",
        )
        .unit("%"),
        fig(
            "The tax will rise by two per cent.",
            "two per cent",
            Percent,
            "2",
        )
        .unit("%"),
        fig(
            "The firm announced a thirty-percent cut.",
            "thirty-percent",
            Percent,
            "30",
        )
        .unit("%"),
        fig(
            "The bank offered an 11-percent raise.",
            "11-percent",
            Percent,
            "11",
        )
        .unit("%"),
        fig("Shares jumped 12% on Monday.", "12%", Percent, "12").unit("%"),
        fig("Shares jumped 12% on Monday.", "Monday", Date, "-W-1"),
        fig(
            "Sixty percent of households own a car.",
            "Sixty percent",
            Percent,
            "60",
        )
        .unit("%"),
        fig(
            "The party polled 33.5 per cent (up from 29 per cent).",
            "33.5 per cent",
            Percent,
            "33.5",
        )
        .unit("%"),
        fig(
            "The party polled 33.5 per cent (up from 29 per cent).",
            "29 per cent",
            Percent,
            "29",
        )
        .unit("%"),
        fig("Growth was 0.3%, the ONS said.", "0.3%", Percent, "0.3").step(0.1),
        fig("Exports dropped by 7 percent.", "7 percent", Percent, "7").unit("%"),
        fig("Inflation hit 10.1%.", "10.1%", Percent, "10.1"),
        fig(
            "The scheme saw a 100% increase in claims.",
            "100%",
            Percent,
            "100",
        ),
        fig(
            "Fifteen per cent of pupils were absent.",
            "Fifteen per cent",
            Percent,
            "15",
        )
        .unit("%"),
        fig(
            "Roughly 22% said they were undecided.",
            "22%",
            Percent,
            "22",
        )
        .approx(About)
        .step(1.0),
        fig(
            "Inflation edged up .5 percent last month.",
            ".5 percent",
            Percent,
            "0.5",
        )
        .unit("%")
        .step(0.1),
        fig(
            "\"We lost 30 percent,\" she said.",
            "30 percent",
            Percent,
            "30",
        )
        .unit("%"),
        fig("Costs rose (by 8%) last year.", "8%", Percent, "8").unit("%"),
        fig(
            "The union wants a 9.5 per cent rise.",
            "9.5 per cent",
            Percent,
            "9.5",
        )
        .unit("%"),
        fig("Only 3% of claims were paid.", "3%", Percent, "3").approx(Exact),
        // ---- percentage points ---------------------------------------------------
        fig(
            "Labour's lead widened by 2 percentage points.",
            "2 percentage points",
            PercentagePoints,
            "2",
        )
        .unit("pp"),
        fig(
            "The rate rose 0.6 percentage points to 5.1%.",
            "0.6 percentage points",
            PercentagePoints,
            "0.6",
        )
        .unit("pp")
        .step(0.1),
        fig(
            "The rate rose 0.6 percentage points to 5.1%.",
            "5.1%",
            Percent,
            "5.1",
        )
        .unit("%"),
        fig("Support fell 3pp in a month.", "3pp", PercentagePoints, "3").unit("pp"),
        fig(
            "The gap narrowed by 1.5 percentage points.",
            "1.5 percentage points",
            PercentagePoints,
            "1.5",
        )
        .unit("pp"),
        fig(
            "Approval slipped by four percentage points.",
            "four percentage points",
            PercentagePoints,
            "4",
        )
        .unit("pp"),
        fig(
            "The Conservatives gained 5pp.",
            "5pp",
            PercentagePoints,
            "5",
        )
        .unit("pp"),
        fig(
            "Turnout was up almost 4 percentage points, officials said.",
            "4 percentage points",
            PercentagePoints,
            "4",
        )
        .approx(Nearly),
        // ---- money -----------------------------------------------------------------
        fig(
            "Revenue reached $24.67 billion.",
            "$24.67 billion",
            Money,
            "24.67e9",
        )
        .cur("USD")
        .step(1e7),
        fig("The deal is worth £10.1 bn.", "£10.1 bn", Money, "10.1e9").cur("GBP"),
        fig("Tickets cost US$5 each.", "US$5", Money, "5").cur("USD"),
        fig(
            "The club paid 2.5 million euros for the striker.",
            "2.5 million euros",
            Money,
            "2.5e6",
        )
        .cur("EUR"),
        fig(
            "Congress approved a $6-billion aid package.",
            "$6-billion",
            Money,
            "6e9",
        )
        .cur("USD"),
        fig("A coffee now costs $6.40.", "$6.40", Money, "6.4")
            .cur("USD")
            .step(0.01),
        fig(
            "The Treasury borrowed £17.5bn in May.",
            "£17.5bn",
            Money,
            "17.5e9",
        )
        .cur("GBP")
        .step(1e8),
        fig("The grant is worth €3 million.", "€3 million", Money, "3e6").cur("EUR"),
        fig("A bowl of ramen costs ¥500.", "¥500", Money, "500"),
        fig(
            "Retail sales hit 2.572 trillion yuan.",
            "2.572 trillion yuan",
            Money,
            "2.572e12",
        )
        .cur("CNY"),
        fig(
            "Beijing pledged 420bn yuan in support.",
            "420bn yuan",
            Money,
            "4.2e11",
        )
        .cur("CNY"),
        fig(
            "The fund raised USD 5 million.",
            "USD 5 million",
            Money,
            "5e6",
        )
        .cur("USD"),
        fig("He was fined 50 dollars.", "50 dollars", Money, "50").cur("USD"),
        fig("The contract is worth £15.9m.", "£15.9m", Money, "1.59e7")
            .cur("GBP")
            .step(1e5),
        fig(
            "The hotel charged $2020 for the suite.",
            "$2020",
            Money,
            "2020",
        )
        .cur("USD"),
        fig(
            "Investors poured $300m into the start-up.",
            "$300m",
            Money,
            "3e8",
        )
        .cur("USD"),
        fig("The repairs cost £450,000.", "£450,000", Money, "450000").cur("GBP"),
        fig(
            "Brussels pledged €1.2bn to the fund.",
            "€1.2bn",
            Money,
            "1.2e9",
        )
        .cur("EUR"),
        fig(
            "The painting sold for $91.1 million.",
            "$91.1 million",
            Money,
            "91.1e6",
        )
        .cur("USD"),
        fig(
            "China's economy added $4.5tn in output.",
            "$4.5tn",
            Money,
            "4.5e12",
        )
        .cur("USD")
        .step(1e11),
        fig("Rent is now $1,850 a month.", "$1,850", Money, "1850").cur("USD"),
        fig("Fans paid €40 for standing tickets.", "€40", Money, "40").cur("EUR"),
        fig("Wages rose to £11.44 an hour.", "£11.44", Money, "11.44")
            .cur("GBP")
            .step(0.01),
        fig(
            "A pint now costs £3.50, the survey found.",
            "£3.50",
            Money,
            "3.5",
        )
        .cur("GBP")
        .step(0.01),
        fig(
            "The firm was valued at $4.7 billion.",
            "$4.7 billion",
            Money,
            "4.7e9",
        )
        .cur("USD")
        .step(1e8),
        fig(
            "Musk's fortune fell by about $20 billion.",
            "$20 billion",
            Money,
            "2e10",
        )
        .cur("USD")
        .approx(About),
        fig(
            "The state will spend 3.4 million euros (on roads).",
            "3.4 million euros",
            Money,
            "3.4e6",
        )
        .cur("EUR"),
        fig(
            "The council owes £2.1bn, auditors said.",
            "£2.1bn",
            Money,
            "2.1e9",
        )
        .cur("GBP"),
        // ---- vague magnitudes ------------------------------------------------------
        fig(
            "Dozens of homes were flooded overnight.",
            "Dozens of homes",
            Count,
            "12",
        )
        .unit("homes")
        .approx(Vague)
        .step(0.0),
        fig(
            "Hundreds of people queued for bread.",
            "Hundreds of people",
            Count,
            "100",
        )
        .unit("people")
        .approx(Vague),
        fig(
            "Thousands of students marched on Saturday.",
            "Thousands of students",
            Count,
            "1000",
        )
        .unit("students")
        .approx(Vague),
        fig(
            "Thousands of students marched on Saturday.",
            "Saturday",
            Date,
            "-W-6",
        ),
        fig(
            "Tens of thousands of fans lined the streets.",
            "Tens of thousands of fans",
            Count,
            "10000",
        )
        .unit("fans")
        .approx(Vague),
        fig(
            "The war has displaced hundreds of thousands of people.",
            "hundreds of thousands of people",
            Count,
            "100000",
        )
        .unit("people")
        .approx(Vague),
        fig(
            "Governments spent hundreds of billions of dollars on the rescue.",
            "hundreds of billions of dollars",
            Money,
            "1e11",
        )
        .cur("USD")
        .approx(Vague),
        fig(
            "The club agreed a multi-million pound deal.",
            "multi-million pound",
            Money,
            "1e6",
        )
        .cur("GBP")
        .approx(Vague),
        fig(
            "The striker missed a couple of chances.",
            "a couple of chances",
            Count,
            "2",
        )
        .unit("chances")
        .approx(Vague),
        fig(
            "Police made dozens of arrests.",
            "dozens of arrests",
            Count,
            "12",
        )
        .unit("arrests")
        .approx(Vague),
        fig("Thousands took to the streets.", "Thousands", Count, "1000").approx(Vague),
        fig(
            "Hundreds of flights were cancelled.",
            "Hundreds of flights",
            Count,
            "100",
        )
        .unit("flights")
        .approx(Vague),
        fig(
            "Tens of thousands of jobs are at risk.",
            "Tens of thousands of jobs",
            Count,
            "10000",
        )
        .unit("jobs")
        .approx(Vague),
        fig(
            "The charity helped thousands of families.",
            "thousands of families",
            Count,
            "1000",
        )
        .unit("families")
        .approx(Vague),
        fig(
            "The airport handles tens of thousands of passengers.",
            "tens of thousands of passengers",
            Count,
            "10000",
        )
        .approx(Vague),
        // ---- fractions -------------------------------------------------------------
        fig("Sales fell by half last year.", "half", Fraction, "0.5").step(0.0),
        fig(
            "About a third said they would vote.",
            "a third",
            Fraction,
            "1/3",
        )
        .approx(About),
        fig(
            "Nearly two-thirds backed the plan.",
            "two-thirds",
            Fraction,
            "2/3",
        )
        .approx(Nearly),
        fig(
            "Two thirds opposed the move.",
            "Two thirds",
            Fraction,
            "2/3",
        ),
        fig(
            "Three-quarters agreed with the verdict.",
            "Three-quarters",
            Fraction,
            "0.75",
        ),
        fig("Prices rose by a quarter.", "a quarter", Fraction, "0.25"),
        fig(
            "A fifth said they had no savings.",
            "A fifth",
            Fraction,
            "0.2",
        ),
        fig("Almost half voted to strike.", "half", Fraction, "0.5").approx(Nearly),
        fig(
            "Two-thirds of the 90 members voted in favour.",
            "Two-thirds of the 90 members",
            Fraction,
            "2/3",
        )
        .of(90.0)
        .unit("members"),
        fig(
            "Half of the 300 staff took the offer.",
            "Half of the 300 staff",
            Fraction,
            "0.5",
        )
        .of(300.0)
        .unit("staff"),
        fig(
            "A quarter of the 2,000 respondents were retired.",
            "A quarter of the 2,000 respondents",
            Fraction,
            "0.25",
        )
        .of(2000.0)
        .unit("respondents"),
        fig(
            "Rebels won a third of the 45 seats.",
            "a third of the 45 seats",
            Fraction,
            "1/3",
        )
        .of(45.0)
        .unit("seats"),
        fig(
            "Three-quarters of the 120 branches will close.",
            "Three-quarters of the 120 branches",
            Fraction,
            "0.75",
        )
        .of(120.0)
        .unit("branches"),
        fig(
            "The budget was cut by two-thirds, aides said.",
            "two-thirds",
            Fraction,
            "2/3",
        ),
        fig(
            "Roughly a fifth (mostly renters) said so.",
            "a fifth",
            Fraction,
            "0.2",
        )
        .approx(About),
        fig(
            "The petition gathered half a million signatures.",
            "half a million signatures",
            Count,
            "500000",
        )
        .unit("signatures"),
        fig(
            "Half a million visitors came last summer.",
            "Half a million visitors",
            Count,
            "500000",
        )
        .unit("visitors"),
        // ---- ratios and multipliers ------------------------------------------------
        fig(
            "The disease affects one in five, the report said.",
            "one in five",
            Ratio,
            "1",
        )
        .of(5.0),
        fig("The risk is now 1 in 4.", "1 in 4", Ratio, "1").of(4.0),
        fig("Six in ten back the policy.", "Six in ten", Ratio, "6").of(10.0),
        fig(
            "Roughly one in three said they had skipped meals.",
            "one in three",
            Ratio,
            "1",
        )
        .of(3.0)
        .approx(About),
        fig("Nine in 10 say costs are rising.", "Nine in 10", Ratio, "9").of(10.0),
        fig("The odds were 1 in 100.", "1 in 100", Ratio, "1").of(100.0),
        fig("Profits doubled in 2023.", "doubled", Ratio, "2")
            .unit("x")
            .step(0.0),
        fig("Profits doubled in 2023.", "2023", Year, "2023"),
        fig("Energy bills have tripled.", "tripled", Ratio, "3").unit("x"),
        fig("The price of cocoa trebled.", "trebled", Ratio, "3").unit("x"),
        fig(
            "Waiting lists quadrupled over the decade.",
            "quadrupled",
            Ratio,
            "4",
        )
        .unit("x"),
        fig("The deficit was halved.", "halved", Ratio, "0.5").unit("x"),
        fig(
            "Costs are three times higher than expected.",
            "three times",
            Ratio,
            "3",
        )
        .unit("x"),
        fig("Women were twice as likely to quit.", "twice", Ratio, "2").unit("x"),
        fig(
            "There were twice as many applicants this year.",
            "twice",
            Ratio,
            "2",
        )
        .unit("x"),
        fig("Sales rose tenfold.", "tenfold", Ratio, "10").unit("x"),
        fig("Cases rose 5-fold in a week.", "5-fold", Ratio, "5").unit("x"),
        fig("The fine is four times larger.", "four times", Ratio, "4").unit("x"),
        fig("Arrivals more than doubled.", "doubled", Ratio, "2")
            .unit("x")
            .approx(MoreThan),
        fig(
            "Prices are 10 times higher in the capital.",
            "10 times",
            Ratio,
            "10",
        )
        .unit("x"),
        fig(
            "Demand has doubled (again), traders said.",
            "doubled",
            Ratio,
            "2",
        )
        .unit("x"),
        // ---- part of a whole -------------------------------------------------------
        fig(
            "The party won 73 out of 329 seats.",
            "73 out of 329 seats",
            Count,
            "73",
        )
        .of(329.0)
        .unit("seats"),
        fig(
            "They took 73 of the 329 seats.",
            "73 of the 329 seats",
            Count,
            "73",
        )
        .of(329.0)
        .unit("seats"),
        fig(
            "3 out of 4 voters backed the plan.",
            "3 out of 4 voters",
            Count,
            "3",
        )
        .of(4.0)
        .unit("voters"),
        fig(
            "It rained on 30 out of the 90 days.",
            "30 out of the 90 days",
            Count,
            "30",
        )
        .of(90.0)
        .unit("days"),
        fig(
            "Only 12 of the 40 stores made a profit.",
            "12 of the 40 stores",
            Count,
            "12",
        )
        .of(40.0)
        .unit("stores"),
        fig(
            "Seven out of 10 patients recovered.",
            "Seven out of 10 patients",
            Count,
            "7",
        )
        .of(10.0)
        .unit("patients"),
        fig(
            "The union won 18 of the 25 votes cast.",
            "18 of the 25 votes",
            Count,
            "18",
        )
        .of(25.0)
        .unit("votes"),
        fig(
            "Nearly 60 out of 100 councils missed the target.",
            "60 out of 100 councils",
            Count,
            "60",
        )
        .of(100.0)
        .unit("councils")
        .approx(Nearly),
        // ---- ranges ----------------------------------------------------------------
        fig(
            "The index should land between 10 and 15.",
            "between 10 and 15",
            Range,
            "10",
        )
        .high("15"),
        fig("Scores ranged 10-15, the study said.", "10-15", Range, "10").high("15"),
        fig("Estimates put the toll at 10–15.", "10–15", Range, "10").high("15"),
        fig(
            "Visitor numbers could hit 10 to 15 million this year.",
            "10 to 15 million",
            Range,
            "1e7",
        )
        .high("1.5e7"),
        fig(
            "Rates will rise 10 to 11 per cent.",
            "10 to 11 per cent",
            Range,
            "10",
        )
        .high("11")
        .unit("%"),
        fig(
            "Yields varied by 14-48% across farms.",
            "14-48%",
            Range,
            "14",
        )
        .high("48")
        .unit("%"),
        fig("Winds of 65-85 mph are forecast.", "65-85 mph", Range, "65")
            .high("85")
            .unit("mph"),
        fig(
            "The firm hopes to sell 5 million to 9 million units.",
            "5 million to 9 million units",
            Range,
            "5e6",
        )
        .high("9e6")
        .unit("units"),
        fig(
            "The inquiry covers between 2018 and 2021.",
            "between 2018 and 2021",
            Range,
            "2018",
        )
        .high("2021")
        .unit("year"),
        fig(
            "Figures for 2020-2022 were revised.",
            "2020-2022",
            Range,
            "2020",
        )
        .high("2022")
        .unit("year"),
        fig(
            "The 2019–2021 period was hardest.",
            "2019–2021",
            Range,
            "2019",
        )
        .high("2021")
        .unit("year"),
        fig(
            "Police put the crowd at between 200 and 300.",
            "between 200 and 300",
            Range,
            "200",
        )
        .high("300"),
        fig("Prices will rise 3-5% next year.", "3-5%", Range, "3")
            .high("5")
            .unit("%"),
        fig(
            "Between 2015 and 2017, sales slumped.",
            "Between 2015 and 2017",
            Range,
            "2015",
        )
        .high("2017")
        .unit("year"),
        fig(
            "The number of stores rose from 40 to 70.",
            "40",
            Count,
            "40",
        )
        .no_unit(),
        fig(
            "The number of stores rose from 40 to 70.",
            "70",
            Count,
            "70",
        )
        .no_unit(),
        fig(
            "Membership grew from 1,200 to 1,850, the club said.",
            "1,200",
            Count,
            "1200",
        ),
        fig(
            "Membership grew from 1,200 to 1,850, the club said.",
            "1,850",
            Count,
            "1850",
        ),
        // ---- dates -----------------------------------------------------------------
        fig(
            "The hearing is set for February 26, 2025.",
            "February 26, 2025",
            Date,
            "2025-02-26",
        ),
        fig(
            "Voting ends Feb. 26, officials said.",
            "Feb. 26",
            Date,
            "--02-26",
        ),
        fig(
            "The law took effect on 26 February 2025.",
            "26 February 2025",
            Date,
            "2025-02-26",
        ),
        fig(
            "The summit opens Wednesday, Feb. 26.",
            "Wednesday, Feb. 26",
            Date,
            "--02-26",
        ),
        fig(
            "The filing is dated 2025-02-26.",
            "2025-02-26",
            Date,
            "2025-02-26",
        ),
        fig(
            "The plant closed in March 2011.",
            "March 2011",
            Date,
            "2011-03",
        ),
        fig(
            "Published Thu 25 May 2017.",
            "Thu 25 May 2017",
            Date,
            "2017-05-25",
        ),
        fig(
            "The minister will speak on Wednesday.",
            "Wednesday",
            Date,
            "-W-3",
        ),
        fig("Talks resume on Monday.", "Monday", Date, "-W-1"),
        fig("The strike began on Sunday.", "Sunday", Date, "-W-7"),
        fig(
            "The results, released on July 4, 2024, surprised analysts.",
            "July 4, 2024",
            Date,
            "2024-07-04",
        ),
        fig("Polls close on 6 May.", "6 May", Date, "--05-06"),
        fig(
            "The ceasefire expired on Oct. 3.",
            "Oct. 3",
            Date,
            "--10-03",
        ),
        fig(
            "The report was due in June 2020.",
            "June 2020",
            Date,
            "2020-06",
        ),
        fig(
            "The shop reopened on Saturday, 14 March.",
            "Saturday, 14 March",
            Date,
            "--03-14",
        ),
        fig(
            "On December 1, 2023, the firm filed for bankruptcy.",
            "December 1, 2023",
            Date,
            "2023-12-01",
        ),
        fig(
            "The deadline is 31 January 2026.",
            "31 January 2026",
            Date,
            "2026-01-31",
        ),
        fig(
            "In September 2019, the company listed its shares.",
            "September 2019",
            Date,
            "2019-09",
        ),
        fig("The fair runs until Aug. 30.", "Aug. 30", Date, "--08-30"),
        fig("Sales were counted on Tuesday.", "Tuesday", Date, "-W-2"),
        fig(
            "Ministers met on Thursday (local time).",
            "Thursday",
            Date,
            "-W-4",
        ),
        fig(
            "The case was adjourned until Friday.",
            "Friday",
            Date,
            "-W-5",
        ),
        fig(
            "The trial opened 2024-11-05.",
            "2024-11-05",
            Date,
            "2024-11-05",
        ),
        fig(
            "The payment arrived on 3 April 2022.",
            "3 April 2022",
            Date,
            "2022-04-03",
        ),
        fig(
            "The store opened in January 1998.",
            "January 1998",
            Date,
            "1998-01",
        ),
        fig(
            "\"We were told on March 3,\" she said.",
            "March 3",
            Date,
            "--03-03",
        ),
        fig("Doors open at 7 p.m. on Friday.", "Friday", Date, "-W-5"),
        fig(
            "Scotland's First Minister spoke on Monday.",
            "Monday",
            Date,
            "-W-1",
        ),
        fig(
            "The strike ends on Thursday, June 12, 2025.",
            "Thursday, June 12, 2025",
            Date,
            "2025-06-12",
        ),
        // ---- years -----------------------------------------------------------------
        fig("The company was founded in 2022.", "2022", Year, "2022"),
        fig("Prices have risen since 2014.", "2014", Year, "2014"),
        fig(
            "The team has won five titles since 2014.",
            "2014",
            Year,
            "2014",
        ),
        fig("Revenue for 2016/17 was flat.", "2016/17", Year, "2016").high("2017"),
        fig("The 2012-13 season was his best.", "2012-13", Year, "2012").high("2013"),
        fig("The style was popular in the 1960s.", "1960s", Year, "1960"),
        fig(
            "The band formed in the mid-1990s.",
            "mid-1990s",
            Year,
            "1995",
        )
        .approx(About),
        fig("The fair drew 2,022 people.", "2,022 people", Count, "2022").unit("people"),
        fig("In 1989, the wall fell.", "1989", Year, "1989"),
        fig("The law dates from 1911.", "1911", Year, "1911"),
        fig(
            "By 2030, the city wants zero emissions.",
            "2030",
            Year,
            "2030",
        ),
        fig("The 1980s were a boom time.", "1980s", Year, "1980"),
        fig("The 2019/20 budget was cut.", "2019/20", Year, "2019").high("2020"),
        fig(
            "The club last won the title in 1998 (under a different owner).",
            "1998",
            Year,
            "1998",
        ),
        fig(
            "The building, completed in 1932, was listed.",
            "1932",
            Year,
            "1932",
        ),
        fig(
            "The cases were first counted in 2020.",
            "2020",
            Year,
            "2020",
        ),
        fig(
            "Output has fallen every year since 2008.",
            "2008",
            Year,
            "2008",
        ),
        // ---- ordinals --------------------------------------------------------------
        fig(
            "It is the first time the club has won.",
            "first",
            Ordinal,
            "1",
        ),
        fig("She finished second in the race.", "second", Ordinal, "2"),
        fig(
            "The twentieth anniversary falls next week.",
            "twentieth",
            Ordinal,
            "20",
        ),
        fig(
            "The 21st century has brought change.",
            "21st",
            Ordinal,
            "21",
        ),
        fig("He came 2nd behind the champion.", "2nd", Ordinal, "2"),
        fig(
            "The 103rd running of the race starts today.",
            "103rd",
            Ordinal,
            "103",
        ),
        fig(
            "This is the 28th year of the festival.",
            "28th",
            Ordinal,
            "28",
        ),
        fig("The third attempt succeeded.", "third", Ordinal, "3"),
        fig("Liverpool are fourth in the table.", "fourth", Ordinal, "4"),
        fig("The second half was goalless.", "second", Ordinal, "2"),
        fig("Profits rose in the first quarter.", "first", Ordinal, "1"),
        fig("The fifth round draw was made.", "fifth", Ordinal, "5"),
        fig(
            "The firm marks its 50th anniversary.",
            "50th",
            Ordinal,
            "50",
        ),
        fig(
            "Allies invoked Article 5 for the first time.",
            "first",
            Ordinal,
            "1",
        ),
        fig("First prize went to a local baker.", "First", Ordinal, "1"),
        fig("It was her 3rd win (and her best).", "3rd", Ordinal, "3"),
        fig(
            "The bill cleared its second reading.",
            "second",
            Ordinal,
            "2",
        ),
        // ---- durations -------------------------------------------------------------
        fig("He was jailed for 12 months.", "12 months", Duration, "12").unit("months"),
        fig(
            "The meeting lasted three hours.",
            "three hours",
            Duration,
            "3",
        )
        .unit("hours"),
        fig("He received a 13-year sentence.", "13-year", Duration, "13").unit("years"),
        fig(
            "The firm signed a 12-month contract.",
            "12-month",
            Duration,
            "12",
        )
        .unit("months"),
        fig("The talks lasted two weeks.", "two weeks", Duration, "2").unit("weeks"),
        fig("She served 20 years in prison.", "20 years", Duration, "20").unit("years"),
        fig(
            "The strike lasted 48 hours, the union said.",
            "48 hours",
            Duration,
            "48",
        )
        .unit("hours"),
        fig("A 10-year plan was unveiled.", "10-year", Duration, "10").unit("years"),
        fig(
            "The project will take about six months.",
            "six months",
            Duration,
            "6",
        )
        .unit("months")
        .approx(About),
        fig(
            "Workers waited nearly 90 minutes.",
            "90 minutes",
            Duration,
            "90",
        )
        .unit("minutes")
        .approx(Nearly),
        fig("He spent 18 days in hospital.", "18 days", Duration, "18").unit("days"),
        fig(
            "The band's five-year hiatus ended.",
            "five-year",
            Duration,
            "5",
        )
        .unit("years"),
        fig("The loan runs for 25 years.", "25 years", Duration, "25").unit("years"),
        fig("The 30-day deadline passed.", "30-day", Duration, "30").unit("days"),
        fig(
            "The outage lasted more than 40 minutes.",
            "40 minutes",
            Duration,
            "40",
        )
        .unit("minutes")
        .approx(MoreThan),
        fig(
            "Talks dragged on for 11 weeks (with breaks).",
            "11 weeks",
            Duration,
            "11",
        )
        .unit("weeks"),
        // ---- ages ------------------------------------------------------------------
        fig(
            "A 13-year-old boy was arrested.",
            "13-year-old",
            Quantity,
            "13",
        )
        .unit("years of age"),
        fig(
            "The scheme targets 28-year-olds.",
            "28-year-olds",
            Quantity,
            "28",
        )
        .unit("years of age"),
        fig(
            "The 91-year-old actor died on Friday.",
            "91-year-old",
            Quantity,
            "91",
        )
        .unit("years of age"),
        fig(
            "Two 15-year-olds were charged.",
            "15-year-olds",
            Quantity,
            "15",
        )
        .unit("years of age"),
        fig(
            "A five-year-old girl was rescued.",
            "five-year-old",
            Quantity,
            "5",
        )
        .unit("years of age"),
        fig(
            "The victim, a 34-year-old, was named.",
            "34-year-old",
            Quantity,
            "34",
        )
        .unit("years of age"),
        // ---- quantities ------------------------------------------------------------
        fig(
            "The country used 265TWh of electricity.",
            "265TWh",
            Quantity,
            "265",
        )
        .unit("TWh"),
        fig(
            "Wind output increased to 1,404 terawatt hours in 2019.",
            "1,404 terawatt hours",
            Quantity,
            "1404",
        )
        .unit("TWh"),
        fig(
            "The plant can deliver 2 gigawatts to the grid.",
            "2 gigawatts",
            Quantity,
            "2",
        )
        .unit("GW"),
        fig("Farms averaged 7.7t/ha.", "7.7t/ha", Quantity, "7.7").unit("t/ha"),
        fig(
            "The engines produce 418,000 lbf of thrust.",
            "418,000 lbf",
            Quantity,
            "418000",
        )
        .unit("lbf"),
        fig("The route is 40 km long.", "40 km", Quantity, "40").unit("km"),
        fig("He was caught driving at 70 mph.", "70 mph", Quantity, "70").unit("mph"),
        fig(
            "The line will stretch 120 km, officials said.",
            "120 km",
            Quantity,
            "120",
        )
        .unit("km"),
        fig("Wind speeds reached 100 mph.", "100 mph", Quantity, "100").unit("mph"),
        fig(
            "The tunnel runs 57 km under the Alps.",
            "57 km",
            Quantity,
            "57",
        )
        .unit("km"),
        fig(
            "The reactor generates about 3.2TWh a year.",
            "3.2TWh",
            Quantity,
            "3.2",
        )
        .unit("TWh")
        .approx(About),
        fig(
            "Gusts topped 90 mph (on the coast).",
            "90 mph",
            Quantity,
            "90",
        )
        .unit("mph")
        .approx(MoreThan),
        // ---- NEGATIVE: identifiers, times, codes -----------------------------------
        not("The Boeing 737 was grounded worldwide.", "737"),
        not("The Boeing 747 made its final flight.", "747"),
        not("COVID-19 cases are falling.", "COVID-19"),
        not("Another COVID-19 wave is feared.", "COVID-19"),
        not("Leaders met at the G7 summit.", "G7"),
        not("The G20 communique was delayed.", "G20"),
        not("The F-35 programme is over budget.", "F-35"),
        not("The F-16 jets arrived on time.", "F-16"),
        not("Allies invoked Article 5 for the first time.", "Article 5"),
        not("Resolution 2334 condemned the settlements.", "2334"),
        not("Reporters waited outside No. 10 all day.", "No. 10"),
        not("A spokesman for No. 10 declined to comment.", "No. 10"),
        not("Pupils in Year 9 will sit the test.", "Year 9"),
        not("Everyone in Year 11 sat the exam.", "Year 11"),
        not("Apple launched the iPad 2 that spring.", "iPad 2"),
        not("The 5G network went live.", "5G"),
        not(
            "Call the hotline on 555-123-4567 for details.",
            "555-123-4567",
        ),
        not("Ring 555-867-5309 to book a place.", "555-867-5309"),
        // Times of day are their own kind, never counts.
        fig(
            "The quake struck at 17:11 GMT.",
            "17:11 GMT",
            Kind::Time,
            "17:11",
        ),
        fig(
            "The session opened at 09:30 GMT.",
            "09:30 GMT",
            Kind::Time,
            "09:30",
        ),
        fig(
            "The flight landed at 12:39 PM.",
            "12:39 PM",
            Kind::Time,
            "12:39",
        ),
        fig(
            "Polls close at 5 p.m. tonight.",
            "5 p.m.",
            Kind::Time,
            "17:00",
        ),
        fig(
            "Doors open at 7 p.m. on Friday.",
            "7 p.m.",
            Kind::Time,
            "19:00",
        ),
        fig(
            "The first train left at 12 a.m. sharp.",
            "12 a.m.",
            Kind::Time,
            "00:00",
        ),
        not("The update installs version 1.2.3 of the app.", "1.2.3"),
        not("Users should move to version 3.4.1 soon.", "3.4.1"),
        not("The router's address is 192.168.1.2.", "192.168.1.2"),
        // ---- NEGATIVE: number words that are not figures ---------------------------
        not("His father fought in World War Two.", "Two"),
        not("The museum marks the end of World War One.", "One"),
        not("England won the Six Nations.", "Six"),
        not("It is one of the biggest banks in Europe.", "one"),
        not("This is the one that got away.", "one"),
        not("The one who called police was a neighbour.", "one"),
        not("No one was hurt in the blast.", "one"),
        not("No one has claimed responsibility.", "one"),
        // ---- NEGATIVE: periods, adverbs, names -------------------------------------
        not("The second half was goalless.", "half"),
        not("Pressure grew in the second half of the year.", "half"),
        not("Profits rose in the first quarter.", "quarter"),
        not("The cases were first counted in 2020.", "first"),
        not("He first ran for office as a student.", "first"),
        not("Scotland's First Minister spoke on Monday.", "First"),
        not("The sixth-formers staged a walkout.", "sixth-formers"),
        not("At first, nobody noticed the leak.", "first"),
        not("It seemed a small problem at first.", "first"),
        // ---- NEGATIVE: months alone, May as a verb or name -------------------------
        not("Prices rose sharply in February.", "February"),
        not("Officials will decide in April.", "April"),
        not(
            "The report will be published in March, aides said.",
            "March",
        ),
        not("Subscriptions surpassed 100 million in March.", "March"),
        not("The club signed three players in January.", "January"),
        not("Unemployment fell to 4.2% in June.", "June"),
        not("The Treasury borrowed £17.5bn in May.", "May"),
        not("May we ask what happened?", "May"),
        not("Theresa May resigned as leader.", "May"),
        // ---- Scores and tallies: their own kind, never ranges ---------------------
        fig(
            "Leinster won 27-22 in Dublin.",
            "27-22",
            Kind::Score,
            "27-22",
        ),
        fig("Leeds 18-22 Hull", "18-22", Kind::Score, "18-22"),
        fig(
            "Screening For Children Aged 5-11 Years Expands",
            "5-11 Years",
            Kind::Range,
            "5",
        )
        .high("11"),
        fig(
            "The match ended 3-3 after extra time.",
            "3-3",
            Kind::Score,
            "3-3",
        ),
        fig(
            "Arsenal beat Chelsea 2-1 on Sunday.",
            "2-1",
            Kind::Score,
            "2-1",
        ),
        fig(
            "The Senate split 51-49 on the motion.",
            "51-49",
            Kind::Score,
            "51-49",
        ),
        fig(
            "Saracens 27-27 Gloucester, the board read.",
            "27-27",
            Kind::Score,
            "27-27",
        ),
        // ---- Mixed numbers, spoken decimals, negatives ------------------------------
        fig(
            "The trial lasted two and a half years.",
            "two and a half years",
            Kind::Duration,
            "2.5",
        ),
        fig(
            "Some five and a half million people voted.",
            "five and a half million people",
            Kind::Count,
            "5.5e6",
        )
        .unit("people"),
        fig(
            "The town has 3 million and a half residents.",
            "3 million and a half residents",
            Kind::Count,
            "3.5e6",
        ),
        fig(
            "The reading was two hundred point zero three.",
            "two hundred point zero three",
            Kind::Count,
            "200.03",
        ),
        fig(
            "Temperatures fell to minus five, forecasters said.",
            "minus five",
            Kind::Count,
            "-5",
        ),
        fig(
            "The index closed at minus 3.5 points.",
            "minus 3.5 points",
            Kind::Count,
            "-3.5",
        ),
        fig(
            "The plot covers 4 thousand 3 hundred and 21 acres.",
            "4 thousand 3 hundred and 21 acres",
            Kind::Quantity,
            "4321",
        ),
        fig(
            "They bought three dozen eggs.",
            "three dozen eggs",
            Kind::Count,
            "36",
        ),
        fig(
            "Some half a million people marched.",
            "half a million people",
            Kind::Count,
            "500000",
        )
        .unit("people"),
        fig(
            "A quarter million homes lost power.",
            "A quarter million homes",
            Kind::Count,
            "250000",
        ),
        // ---- Fractions with a slash or a fraction character ---------------------------
        fig(
            "Only 3/4 of the seats were filled.",
            "3/4",
            Kind::Fraction,
            "3/4",
        ),
        fig(
            "The pipe is 2 1/4 inches wide.",
            "2 1/4 inches",
            Kind::Count,
            "2.25",
        ),
        fig("Turnout fell by ½ a point.", "½", Kind::Fraction, "1/2"),
        not("The shop is open 24/7 now.", "24/7"),
        // ---- Money written loosely ---------------------------------------------------
        fig(
            "The bonds raised $ 75 million last year.",
            "$ 75 million",
            Kind::Money,
            "75e6",
        )
        .cur("USD"),
        fig(
            "Exports reached HK$ 10.05 billion.",
            "HK$ 10.05 billion",
            Kind::Money,
            "10.05e9",
        )
        .cur("HKD"),
        fig(
            "Shares closed 34 cents lower.",
            "34 cents",
            Kind::Money,
            "0.34",
        )
        .cur("USD"),
        fig(
            "The bid was 470 pence a share.",
            "470 pence",
            Kind::Money,
            "4.7",
        )
        .cur("GBP"),
        fig(
            "He was fined 10,000 Swiss francs.",
            "10,000 Swiss francs",
            Kind::Money,
            "10000",
        )
        .cur("CHF"),
        fig(
            "It cost 3 dollars 50 cents.",
            "3 dollars 50 cents",
            Kind::Money,
            "3.5",
        )
        .cur("USD"),
        fig("Tickets cost 20 € each.", "20 €", Kind::Money, "20").cur("EUR"),
        fig(
            "Losses exceeded 30 MUSD last year.",
            "30 MUSD",
            Kind::Money,
            "30e6",
        )
        .cur("USD"),
        fig(
            "The deal is worth 420 million Finnish markka.",
            "420 million Finnish markka",
            Kind::Money,
            "420e6",
        )
        .cur("FIM"),
        fig("She paid with a $5 bill.", "$5", Kind::Money, "5").cur("USD"),
    ]
}

// ---------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------

enum Want {
    Num(f64),
    Date(String),
}

fn parse_value(s: &str) -> Want {
    if let Some((a, b)) = s.split_once('/')
        && let (Ok(a), Ok(b)) = (a.parse::<f64>(), b.parse::<f64>())
    {
        return Want::Num(a / b);
    }
    match s.parse::<f64>() {
        Ok(v) => Want::Num(v),
        Err(_) => Want::Date(s.to_owned()),
    }
}

fn close(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    let scale = a.abs().max(b.abs());
    (a - b).abs() <= 1e-9 * scale
}

fn show_value(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("{}", n.value),
        Value::Date(d) => d.iso(),
        Value::Time { hour, minute } => format!("{hour:02}:{minute:02}"),
        Value::Score(a, b) => format!("{a}-{b}"),
    }
}

fn value_matches(got: &Value, want: &str) -> bool {
    match (parse_value(want), got) {
        (Want::Num(w), Value::Number(n)) => close(n.value, w),
        (Want::Date(w), Value::Date(d)) => d.iso() == w,
        // Times ("17:11") and scores ("27-22") compare as written.
        (Want::Date(w), other) => show_value(other) == w,
        _ => false,
    }
}

fn show_figure(sentence: &str, f: &Figure) -> String {
    let text = sentence
        .get(f.span.start..f.span.end)
        .unwrap_or("<bad span>");
    let mut s = format!("({text:?}, {:?}, {}", f.kind, show_value(&f.value));
    if let Some(h) = &f.high {
        s.push_str(&format!(", high {}", show_value(h)));
    }
    if let Some(o) = &f.of {
        s.push_str(&format!(", of {}", o.value));
    }
    if let Some(u) = &f.unit {
        s.push_str(&format!(", unit {u:?}"));
    }
    if let Some(c) = f.currency {
        s.push_str(&format!(", {c}"));
    }
    if f.approx != Approx::Exact {
        s.push_str(&format!(", {:?}", f.approx));
    }
    if let Value::Number(n) = f.value {
        s.push_str(&format!(", step {}", n.step));
    }
    s.push(')');
    s
}

/// Every way `f` differs from `e`, or empty when it matches.
fn mismatches(f: &Figure, e: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    if f.kind != e.kind {
        out.push(format!("kind {:?} != expected {:?}", f.kind, e.kind));
    }
    if !value_matches(&f.value, e.value) {
        out.push(format!(
            "value {} != expected {}",
            show_value(&f.value),
            e.value
        ));
    }
    if let Some(h) = e.high {
        match &f.high {
            Some(got) if value_matches(got, h) => {}
            got => out.push(format!(
                "high {} != expected {h}",
                got.as_ref().map_or("None".to_owned(), show_value)
            )),
        }
    }
    if let Some(o) = e.of {
        match f.of {
            Some(got) if close(got.value, o) => {}
            got => out.push(format!("of {:?} != expected {o}", got.map(|n| n.value))),
        }
    }
    if let Some(u) = e.unit
        && f.unit.as_deref() != u
    {
        out.push(format!("unit {:?} != expected {:?}", f.unit, u));
    }
    if let Some(c) = e.currency
        && f.currency != Some(c)
    {
        out.push(format!("currency {:?} != expected {c:?}", f.currency));
    }
    if let Some(a) = e.approx
        && f.approx != a
    {
        out.push(format!("approx {:?} != expected {a:?}", f.approx));
    }
    if let Some(s) = e.step {
        match f.value {
            Value::Number(n) if close(n.step, s) => {}
            Value::Number(n) => out.push(format!("step {} != expected {s}", n.step)),
            _ => out.push(format!("step: non-numeric value, expected step {s}")),
        }
    }
    out
}

/// `None` when the case passes, else a description of the failure.
fn check(case: &Case) -> Option<String> {
    let sentence = case.sentence;
    let Some(start) = sentence.find(case.text) else {
        return Some(format!(
            "TABLE ERROR: {:?} does not occur in the sentence",
            case.text
        ));
    };
    let target = start..start + case.text.len();

    let found = match panic::catch_unwind(AssertUnwindSafe(|| {
        figures_in_str(sentence, SourceFormat::PlainText)
    })) {
        Ok(f) => f,
        Err(_) => return Some("figures_in_str PANICKED".to_owned()),
    };
    let listing = || {
        let shown: Vec<String> = found.iter().map(|f| show_figure(sentence, f)).collect();
        format!("found [{}]", shown.join(", "))
    };

    match &case.expect {
        None => {
            let hits: Vec<&Figure> = found
                .iter()
                .filter(|f| f.span.start < target.end && target.start < f.span.end)
                .collect();
            if hits.is_empty() {
                None
            } else {
                Some(format!(
                    "expected NO figure over {:?}; {}",
                    case.text,
                    listing()
                ))
            }
        }
        Some(e) => {
            let candidates: Vec<&Figure> = found
                .iter()
                .filter(|f| f.span.start == target.start && f.span.end == target.end)
                .collect();
            if candidates.is_empty() {
                return Some(format!(
                    "no figure with span {:?}; {}",
                    case.text,
                    listing()
                ));
            }
            let mut best: Option<Vec<String>> = None;
            for f in candidates {
                let m = mismatches(f, e);
                if m.is_empty() {
                    return None;
                }
                if best.as_ref().is_none_or(|b| m.len() < b.len()) {
                    best = Some(m);
                }
            }
            Some(format!(
                "{:?}: {}; {}",
                case.text,
                best.unwrap().join("; "),
                listing()
            ))
        }
    }
}

#[test]
fn grammar_table() {
    let cases = cases();
    let positives = cases.iter().filter(|c| c.expect.is_some()).count();
    let negatives = cases.len() - positives;

    // Silence the default panic message for panics caught inside `check`.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            check(c).map(|why| format!("line {}: {:?}\n    {}", c.line, c.sentence, why))
        })
        .collect();
    panic::set_hook(hook);

    let pass = cases.len() - failures.len();
    println!(
        "{pass}/{} cases pass ({positives} positive, {negatives} negative)",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} grammar cases failed:\n{}\n{pass}/{} cases pass",
        failures.len(),
        cases.len(),
        failures.join("\n"),
        cases.len()
    );
}
