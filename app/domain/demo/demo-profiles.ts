import type { RoleProfile } from "~/domain/organisations/role-profile.schema";

/**
 * Role profiles of the demo organisations, written from the legal frames and tasks in
 * shared/DOMAIN.md. Fictional region and contact details; no real people.
 * `monthsAgo`: when the profile was last reviewed (one is outdated on purpose, to show the badge).
 */
export const demoProfiles: Record<string, { monthsAgo: number; profile: RoleProfile }> = {
  POL: {
    monthsAgo: 1,
    profile: {
      mission:
        "De politie reageert op meldingen en incidenten van huiselijk geweld en kindermishandeling, beschermt slachtoffers en kinderen, registreert en onderzoekt strafbare feiten en houdt verdachten aan. Zorgen over de veiligheid in een gezin melden wij als zorgmelding bij Veilig Thuis.",
      capabilities: [
        {
          title: "Direct ter plaatse bij acute onveiligheid",
          explanation: "24/7 inzet via 112: de-escaleren, slachtoffers en kinderen beschermen, zo nodig aanhouden.",
        },
        {
          title: "Aangifte opnemen en strafrechtelijk onderzoek",
          explanation: "Opsporing onder gezag van de officier van justitie; verhoren, bewijs vastleggen.",
        },
        {
          title: "Zorgmelding aan Veilig Thuis",
          explanation: "Na een incident met kinderen in het gezin standaard binnen één werkdag.",
        },
        {
          title: "Huisverbod uitvoeren",
          explanation:
            "De burgemeester legt het huisverbod op (vaak in mandaat via de hulpofficier van justitie); de politie doet de risicotaxatie, reikt het uit en controleert de naleving.",
        },
        {
          title: "Wijkagent als vast aanspreekpunt",
          explanation: "Kent de buurt, signaleert en houdt na een incident contact met het gezin.",
        },
      ],
      limits: [
        {
          title: "Geen hulpverlening",
          explanation: "Wij melden en verwijzen door, maar bieden zelf geen hulp of begeleiding.",
        },
        {
          title: "Geen vervolgingsbeslissing",
          explanation: "Of een zaak vervolgd wordt en met welke voorwaarden, beslist het OM.",
        },
        {
          title: "Geen huisverbod op eigen gezag",
          explanation: "Alleen de burgemeester (of in mandaat de hulpofficier van justitie) legt het op.",
        },
        {
          title: "Zonder strafbaar feit beperkte bevoegdheden",
          explanation: "Bij zorgen zonder strafbaar feit kunnen wij signaleren en melden, niet opsporen.",
        },
      ],
      legalBases: [
        {
          law: "Politiewet 2012",
          article: "art. 3",
          allows:
            "Taak van de politie: daadwerkelijke handhaving van de rechtsorde en hulpverlening aan hen die deze behoeven.",
        },
        {
          law: "Wet politiegegevens (Wpg)",
          article: "art. 16, 19 en 20",
          allows:
            "Politiegegevens verstrekken aan derden, ook binnen een samenwerkingsverband, als dat noodzakelijk is voor een zwaarwegend algemeen belang.",
        },
        {
          law: "Wet tijdelijk huisverbod",
          article: "art. 2",
          allows:
            "Huisverbod van tien dagen, te verlengen tot ten hoogste vier weken, bij ernstig en onmiddellijk gevaar.",
        },
        {
          law: "Wetboek van Strafvordering",
          article: "",
          allows: "Opsporing en aanhouding onder gezag van de officier van justitie.",
        },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Incidenten en eerdere meldingen huiselijk geweld",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "Alleen wat nodig is voor de afspraken aan tafel, binnen het convenant (Wpg art. 20).",
        },
        {
          kind: "shares",
          what: "Zorgmelding met feitelijke waarnemingen",
          withWhom: "Veilig Thuis",
          conditions: "Standaard na incidenten waarbij kinderen betrokken zijn.",
        },
        {
          kind: "never",
          what: "Informatie uit een lopend opsporingsonderzoek",
          withWhom: "",
          conditions: "Alleen met toestemming van de officier van justitie.",
        },
        { kind: "never", what: "Identiteit van informanten en getuigen", withWhom: "", conditions: "" },
      ],
      reachability: {
        officeHours: "24/7 via de meldkamer; aandachtsvelders ma–vr 08:00–17:00",
        urgentRoute: "Acuut gevaar: 112. Spoedoverleg over een casus: dienstdoende aandachtsvelder via de meldkamer.",
        functionalMailbox: "huiselijkgeweld@politie-westerduin.demo",
        functionalPhone: "",
        responseTimes: "Reactie op een verzoek uit het Actie-overleg binnen twee werkdagen.",
      },
      contacts: [
        {
          role: "Aandachtsvelder huiselijk geweld en kindermishandeling",
          name: "",
          workEmail: "huiselijkgeweld@politie-westerduin.demo",
          workPhone: "",
          deputy: "Wijkagent van de betreffende wijk",
        },
        {
          role: "Teamchef basisteam Westerduin",
          name: "",
          workEmail: "",
          workPhone: "",
          deputy: "Operationeel expert van dienst",
        },
      ],
      escalationRoute:
        "Aandachtsvelder → teamchef basisteam → districtschef. Verschil van inzicht over de strafrechtelijke aanpak: met de officier van justitie.",
    },
  },
  OM: {
    monthsAgo: 2,
    profile: {
      mission:
        "Het Openbaar Ministerie beslist of een verdachte van huiselijk geweld of kindermishandeling wordt vervolgd en met welke voorwaarden, en zet het strafrecht zo in dat het bijdraagt aan de veiligheid van slachtoffers.",
      capabilities: [
        {
          title: "Vervolgingsbeslissing",
          explanation:
            "Zelf afdoen met een strafbeschikking, dagvaarden of seponeren; bij voorkeur snel aan de ZSM-tafel.",
        },
        {
          title: "Voorwaarden opleggen",
          explanation:
            "Contact- of locatieverbod, meldplicht of verplichte hulp als voorwaarde bij schorsing, sepot of vonnis.",
        },
        { title: "Voorlopige hechtenis vorderen", explanation: "Bij ernstige feiten en gevaar voor herhaling." },
        {
          title: "Reclasseringsadvies aanvragen",
          explanation: "Voor een passende afdoening en toezicht op voorwaarden.",
        },
        {
          title: "Beslissen over delen van strafrechtelijke informatie",
          explanation: "De officier beoordeelt per geval wat uit het strafdossier gedeeld kan worden.",
        },
      ],
      limits: [
        { title: "Geen hulpverlening of zorgcoördinatie", explanation: "" },
        {
          title: "Geen kinderbeschermingsmaatregel",
          explanation: "Een ondertoezichtstelling vraagt de Raad voor de Kinderbescherming aan bij de kinderrechter.",
        },
        {
          title: "Vervolging vraagt een strafbaar feit en bewijs",
          explanation: "Zorgen alleen zijn onvoldoende; dan ligt de aanpak bij Veilig Thuis en de zorg.",
        },
        { title: "Geen toezeggingen vooraf over de afloop van een strafzaak", explanation: "" },
      ],
      legalBases: [
        {
          law: "Wetboek van Strafvordering",
          article: "art. 167",
          allows: "Opportuniteitsbeginsel: het OM beslist over (niet-)vervolging.",
        },
        {
          law: "Wetboek van Strafrecht",
          article: "art. 14c",
          allows: "Bijzondere voorwaarden bij een voorwaardelijke veroordeling, zoals een contactverbod.",
        },
        {
          law: "Wet justitiële en strafvorderlijke gegevens (Wjsg)",
          article: "art. 39f",
          allows:
            "Strafvorderlijke en justitiële gegevens verstrekken aan derden voor een zwaarwegend algemeen belang.",
        },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Stand van de strafzaak (ingestroomd, zitting gepland, afgedaan)",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "",
        },
        {
          kind: "shares",
          what: "Opgelegde voorwaarden, zoals een contactverbod",
          withWhom: "Partners die toezicht houden of slachtoffers begeleiden",
          conditions: "Zodat overtredingen gemeld kunnen worden.",
        },
        {
          kind: "never",
          what: "Inhoud van processen-verbaal en verklaringen",
          withWhom: "",
          conditions: "Alleen via de officier van justitie, per geval beoordeeld (Wjsg).",
        },
      ],
      reachability: {
        officeHours: "ma–vr 08:30–17:00; ZSM dagelijks 07:00–23:00",
        urgentRoute: "Piket officier van justitie, bereikbaar via de meldkamer van de politie.",
        functionalMailbox: "actieoverleg@om-westerduin.demo",
        functionalPhone: "",
        responseTimes: "Terugkoppeling over de strafzaak binnen vijf werkdagen.",
      },
      contacts: [
        {
          role: "Officier van justitie huiselijk geweld en zeden",
          name: "",
          workEmail: "",
          workPhone: "",
          deputy: "Plaatsvervangend officier HG",
        },
        {
          role: "Parketsecretaris huiselijk geweld",
          name: "",
          workEmail: "actieoverleg@om-westerduin.demo",
          workPhone: "",
          deputy: "",
        },
      ],
      escalationRoute: "Parketsecretaris → officier van justitie HG → teamleider parket Westerduin.",
    },
  },
  RECL: {
    monthsAgo: 3,
    profile: {
      mission:
        "De reclassering (3RO: Reclassering Nederland, Verslavingsreclassering GGZ en het Leger des Heils) adviseert OM en rechter over verdachten, houdt toezicht op opgelegde voorwaarden en biedt gedragsinterventies die herhaling van geweld helpen voorkomen.",
      capabilities: [
        {
          title: "Vroeghulp en adviesrapport",
          explanation: "Inschatting van risico's en advies over de afdoening, op verzoek van OM of rechter.",
        },
        {
          title: "Toezicht op bijzondere voorwaarden",
          explanation: "Controle op contactverbod, meldplicht en behandeling; overtreding melden wij aan het OM.",
        },
        {
          title: "Risicotaxatie recidive",
          explanation: "Met gevalideerde instrumenten, herhaald tijdens het toezicht.",
        },
        {
          title: "Gedragsinterventies",
          explanation: "Bijvoorbeeld een training gericht op partnergeweld, als voorwaarde of vrijwillig.",
        },
      ],
      limits: [
        {
          title: "Alleen binnen een strafrechtelijk kader",
          explanation: "Zonder strafzaak of voorwaarden hebben wij geen rol of mandaat.",
        },
        {
          title: "Geen toezicht op het gezin of de kinderen",
          explanation: "Ons toezicht richt zich op de verdachte of veroordeelde.",
        },
        {
          title: "Geen eigen sanctiebevoegdheid",
          explanation: "Overtreding van voorwaarden melden wij; het OM of de rechter beslist.",
        },
      ],
      legalBases: [
        {
          law: "Wetboek van Strafrecht",
          article: "art. 14c en 14d",
          allows: "Bijzondere voorwaarden en het toezicht daarop door de reclassering.",
        },
        {
          law: "Reclasseringsregeling 1995",
          article: "",
          allows: "Taken van de reclasseringsinstellingen: advies, toezicht, werkstraffen en interventies.",
        },
        {
          law: "Wet justitiële en strafvorderlijke gegevens (Wjsg)",
          article: "",
          allows: "Gebruik van justitiële en strafvorderlijke gegevens voor de reclasseringstaak.",
        },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Of iemand onder toezicht staat en welke voorwaarden gelden",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "",
        },
        {
          kind: "shares",
          what: "Signalen van een verhoogd risico",
          withWhom: "OM en politie; bij kinderen ook Veilig Thuis",
          conditions: "Direct, niet pas in het volgende overleg.",
        },
        {
          kind: "never",
          what: "Inhoud van adviesrapporten aan de rechter",
          withWhom: "",
          conditions: "Alleen via OM of rechter.",
        },
      ],
      reachability: {
        officeHours: "ma–vr 09:00–17:00",
        urgentRoute: "Acuut risico: de toezichthouder bellen; buiten kantoortijd de politie (112).",
        functionalMailbox: "westerduin@reclassering.demo",
        functionalPhone: "",
        responseTimes: "Binnen drie werkdagen.",
      },
      contacts: [
        {
          role: "Reclasseringswerker (toezichthouder)",
          name: "",
          workEmail: "",
          workPhone: "",
          deputy: "Collega van het team toezicht",
        },
        {
          role: "Unitmanager reclassering regio Westerduin",
          name: "",
          workEmail: "westerduin@reclassering.demo",
          workPhone: "",
          deputy: "",
        },
      ],
      escalationRoute: "Toezichthouder → werkbegeleider → unitmanager.",
    },
  },
  RvdK: {
    monthsAgo: 4,
    profile: {
      mission:
        "De Raad voor de Kinderbescherming onderzoekt of een kind bescherming nodig heeft wanneer vrijwillige hulp niet (meer) volstaat, en vraagt de kinderrechter zo nodig om een kinderbeschermingsmaatregel. In strafzaken tegen minderjarigen adviseert de Raad over de aanpak.",
      capabilities: [
        {
          title: "Beschermingsonderzoek",
          explanation:
            "Onderzoek of een ondertoezichtstelling (OTS) of gezagsbeëindigende maatregel nodig is, na een verzoek tot onderzoek (vaak van Veilig Thuis).",
        },
        {
          title: "Verzoek aan de kinderrechter",
          explanation: "Bijvoorbeeld een (voorlopige) ondertoezichtstelling of een machtiging tot uithuisplaatsing.",
        },
        {
          title: "Spoedverzoek",
          explanation: "Bij acuut gevaar voor het kind binnen 24 uur een verzoek om een voorlopige OTS.",
        },
        {
          title: "Strafadvies bij minderjarige verdachten",
          explanation: "Advies aan OM en rechter, ook aan de ZSM-tafel.",
        },
      ],
      limits: [
        {
          title: "Geen hulpverlening en geen uitvoering van de maatregel",
          explanation: "Na de uitspraak voert een gecertificeerde instelling (jeugdbescherming) de maatregel uit.",
        },
        {
          title: "Geen onderzoek zonder verzoek",
          explanation:
            "Wij starten na een verzoek tot onderzoek van Veilig Thuis, de gemeente of een andere bevoegde partij.",
        },
        { title: "Beslist niet zelf over een maatregel", explanation: "Dat doet de kinderrechter." },
      ],
      legalBases: [
        {
          law: "Burgerlijk Wetboek Boek 1",
          article: "art. 1:255",
          allows: "Ondertoezichtstelling bij ernstige bedreiging van de ontwikkeling van een minderjarige.",
        },
        {
          law: "Burgerlijk Wetboek Boek 1",
          article: "art. 1:240",
          allows: "Gegevens opvragen en verstrekken voor de taak van de Raad, zo nodig zonder toestemming.",
        },
        {
          law: "Jeugdwet",
          article: "",
          allows: "Samenwerking met gemeente en gecertificeerde instelling rond jeugdbescherming.",
        },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Of er een raadsonderzoek loopt en in welke fase",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "",
        },
        {
          kind: "shares",
          what: "Het raadsrapport",
          withWhom: "Ouders, kinderrechter en de gecertificeerde instelling",
          conditions: "Niet met de hele tafel.",
        },
        { kind: "never", what: "Letterlijke weergave van gesprekken met het kind", withWhom: "", conditions: "" },
      ],
      reachability: {
        officeHours: "ma–vr 08:30–17:00",
        urgentRoute: "Spoed buiten kantoortijd: piketdienst van de Raad (via Veilig Thuis of de politie).",
        functionalMailbox: "westerduin@rvdk.demo",
        functionalPhone: "",
        responseTimes: "Besluit over de start van een onderzoek binnen vijf werkdagen na het verzoek.",
      },
      contacts: [
        { role: "Raadsonderzoeker", name: "", workEmail: "", workPhone: "", deputy: "Teamleider van dienst" },
        {
          role: "Teamleider bescherming regio Westerduin",
          name: "",
          workEmail: "westerduin@rvdk.demo",
          workPhone: "",
          deputy: "",
        },
      ],
      escalationRoute: "Raadsonderzoeker → teamleider → regiomanager.",
    },
  },
  VT: {
    monthsAgo: 1,
    profile: {
      mission:
        "Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling. Wij adviseren, nemen meldingen aan, beoordelen de veiligheid, doen zo nodig onderzoek, zorgen dat passende hulp start en volgen of de veiligheid duurzaam is.",
      capabilities: [
        {
          title: "Advies aan professionals en burgers",
          explanation: "Ook anoniem, dag en nacht telefonisch bereikbaar.",
        },
        { title: "Meldingen aannemen", explanation: "Van professionals (meldcode) en burgers." },
        {
          title: "Veiligheidstaxatie binnen 5 werkdagen",
          explanation: "Na een melding: is er acute of structurele onveiligheid, en wat is nodig?",
        },
        {
          title: "Onderzoek",
          explanation: "Als de veiligheid onduidelijk is: gesprekken met betrokkenen en informatie van professionals.",
        },
        {
          title: "Overdracht en monitoring",
          explanation: "Overdracht aan het wijkteam of de hulpverlening, daarna volgen of de veiligheid standhoudt.",
        },
        { title: "Verzoek tot onderzoek aan de Raad", explanation: "Als vrijwillige hulp niet tot veiligheid leidt." },
      ],
      limits: [
        {
          title: "Geen langdurige hulpverlening",
          explanation: "Wij zorgen dat hulp start; het wijkteam of een zorgaanbieder biedt die hulp.",
        },
        { title: "Geen strafrechtelijke bevoegdheden", explanation: "" },
        {
          title: "Geen maatregel opleggen",
          explanation: "Een kinderbeschermingsmaatregel vraagt de Raad aan bij de kinderrechter.",
        },
      ],
      legalBases: [
        {
          law: "Wet maatschappelijke ondersteuning 2015 (Wmo 2015)",
          article: "art. 4.1.1",
          allows: "Taken van Veilig Thuis als advies- en meldpunt huiselijk geweld en kindermishandeling.",
        },
        {
          law: "Wmo 2015",
          article: "hoofdstuk 5",
          allows: "Gegevens verwerken, zo nodig zonder toestemming, voor zover nodig voor de taak van Veilig Thuis.",
        },
        {
          law: "Wet verplichte meldcode huiselijk geweld en kindermishandeling",
          article: "",
          allows: "Professionals volgen de meldcode en melden bij (vermoedens van) acute of structurele onveiligheid.",
        },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Dat er een melding is en de uitkomst van de veiligheidstaxatie",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "",
        },
        {
          kind: "shares",
          what: "Veiligheidsafspraken en het veiligheidsplan",
          withWhom: "Partners die daarin een rol hebben",
          conditions: "",
        },
        {
          kind: "never",
          what: "De identiteit van een melder die geen professional is",
          withWhom: "",
          conditions: "Tenzij de melder daar zelf voor kiest.",
        },
      ],
      reachability: {
        officeHours: "24/7 bereikbaar voor advies en meldingen",
        urgentRoute: "Landelijk telefoonnummer van Veilig Thuis (24/7), doorgeschakeld naar Westerduin.",
        functionalMailbox: "actieoverleg@veiligthuis-westerduin.demo",
        functionalPhone: "",
        responseTimes: "Veiligheidstaxatie binnen vijf werkdagen na een melding; bij acute onveiligheid dezelfde dag.",
      },
      contacts: [
        {
          role: "Procesregisseur Actie-overleg",
          name: "",
          workEmail: "actieoverleg@veiligthuis-westerduin.demo",
          workPhone: "",
          deputy: "Senior medewerker onderzoek",
        },
        { role: "Gedragswetenschapper", name: "", workEmail: "", workPhone: "", deputy: "" },
      ],
      escalationRoute: "Medewerker → procesregisseur → teammanager Veilig Thuis Westerduin.",
    },
  },
  WT: {
    monthsAgo: 8,
    profile: {
      mission:
        "Het wijkteam van de gemeente biedt en regelt hulp dichtbij voor gezinnen en volwassenen: ondersteuning bij opvoeden, relaties, schulden, wonen en zorg, en zet zo nodig specialistische jeugdhulp of Wmo-ondersteuning in.",
      capabilities: [
        { title: "Ambulante gezinsbegeleiding", explanation: "Thuis, meerdere keren per week als dat nodig is." },
        { title: "Toegang tot jeugdhulp en Wmo-ondersteuning", explanation: "Beschikking voor specialistische hulp." },
        {
          title: "Casusregie in het vrijwillig kader",
          explanation: "Eén vaste hulpverlener coördineert de hulp in het gezin.",
        },
        { title: "Schuldhulp en bestaanszekerheid", explanation: "Via de gemeentelijke schuldhulpverlening." },
        {
          title: "Veiligheidsafspraken uitvoeren na overdracht",
          explanation: "Wanneer Veilig Thuis de casus aan ons overdraagt.",
        },
      ],
      limits: [
        {
          title: "Alleen met medewerking van het gezin",
          explanation: "Zonder instemming kunnen wij niets afdwingen; dan zijn Veilig Thuis of de Raad aan zet.",
        },
        { title: "Geen onderzoek naar kindermishandeling", explanation: "Onderzoek doet Veilig Thuis." },
        { title: "Niet 24 uur per dag bereikbaar", explanation: "" },
      ],
      legalBases: [
        {
          law: "Jeugdwet",
          article: "art. 2.3",
          allows: "De gemeente zorgt voor een passende voorziening op het gebied van jeugdhulp.",
        },
        { law: "Wmo 2015", article: "art. 2.3.2", allows: "Onderzoek naar de ondersteuningsbehoefte na een melding." },
      ],
      sharingRules: [
        {
          kind: "shares",
          what: "Of het gezin bekend is en welke hulp loopt",
          withWhom: "Partners aan tafel bij deze casus",
          conditions: "Met toestemming van het gezin, tenzij de veiligheid van een kind dat niet toelaat (meldcode).",
        },
        { kind: "never", what: "Inhoud van het hulpverleningsdossier", withWhom: "", conditions: "" },
      ],
      reachability: {
        officeHours: "ma–vr 08:30–17:00",
        urgentRoute: "Buiten kantoortijd: crisisdienst jeugd van de gemeente, of Veilig Thuis.",
        functionalMailbox: "wijkteam-centrum@westerduin.demo",
        functionalPhone: "",
        responseTimes: "Eerste contact met het gezin binnen vijf werkdagen.",
      },
      contacts: [
        { role: "Ambulant hulpverlener", name: "", workEmail: "", workPhone: "", deputy: "Teamcoach wijkteam" },
      ],
      escalationRoute: "Hulpverlener → teamcoach → manager wijkteams gemeente Westerduin.",
    },
  },
  ZVH: {
    monthsAgo: 2,
    profile: {
      mission:
        "Het Zorg- en Veiligheidshuis verbindt zorg, straf en bestuur bij complexe casussen en faciliteert het Actie-overleg in de regio Westerduin.",
      capabilities: [
        {
          title: "Procesregie op complexe casussen",
          explanation: "Wanneer meerdere domeinen betrokken zijn en het vastloopt.",
        },
        {
          title: "Facilitering van het Actie-overleg",
          explanation: "Planning, verslaglegging en beheer van dit platform.",
        },
      ],
      limits: [{ title: "Geen inhoudelijke hulpverlening of opsporing", explanation: "" }],
      legalBases: [
        {
          law: "Convenant Zorg- en Veiligheidshuis Westerduin",
          article: "",
          allows: "Gegevens delen tussen de convenantpartners binnen de afgesproken doelen.",
        },
      ],
      sharingRules: [],
      reachability: {
        officeHours: "ma–vr 09:00–17:00",
        urgentRoute: "",
        functionalMailbox: "info@zvh-westerduin.demo",
        functionalPhone: "",
        responseTimes: "",
      },
      contacts: [],
      escalationRoute: "",
    },
  },
};
