/**
 * Reference tables and name pools of the synthetic registry (synthetic-registry.ts), written as
 * compact text tables: entries separated by semicolons or lines, fields by spaces.
 */

/** Splits a text table: entries separated by semicolons, fields by spaces. */
export const table = (text: string) =>
  text
    .trim()
    .split(/;\s*/)
    .map((entry) => entry.split(/\s+/));

/**
 * Comuni of birth: ISTAT code, Belfiore code (Agenzia delle Entrate), weight. Tuscan comuni weigh
 * more, as in a Tuscan regional registry.
 */
export const comuni = table(`
  048017 D612 12 Firenze; 100005 G999 6 Prato; 050026 G702 4 Pisa; 049009 E625 4 Livorno; 051002 A390 3 Arezzo;
  046017 E715 3 Lucca; 047014 G713 3 Pistoia; 052032 I726 2 Siena; 053011 E202 2 Grosseto; 045010 F023 2 Massa;
  058091 H501 8 Roma; 015146 F205 6 Milano; 063049 F839 6 Napoli; 001272 L219 4 Torino; 037006 A944 3 Bologna;
  082053 G273 3 Palermo; 010025 D969 2 Genova; 072006 A662 2 Bari`).map(
  ([istatCode, belfiore, weight]) => [{ istatCode, belfiore }, Number(weight)] as const,
);

/**
 * States of birth: ISTAT code, Belfiore Z-code, name pool, weight among new arrivals without a
 * fiscal code (unaccompanied minors: Egypt, West Africa, Bangladesh, Tunisia lead), weight among
 * resident foreign children (Romania and Albania lead).
 */
export const countries = table(`
  419 Z336 egypt 20 5 Egitto; 436 Z330 maghreb 9 15 Marocco; 460 Z352 maghreb 7 5 Tunisia; 422 Z317 westAfrica 7 0 Gambia;
  450 Z343 westAfrica 5 0 Senegal; 425 Z319 westAfrica 6 0 Guinea; 404 Z313 westAfrica 5 0 Costa-d'Avorio;
  435 Z329 westAfrica 4 0 Mali; 443 Z335 westAfrica 3 5 Nigeria; 305 Z249 southAsia 9 5 Bangladesh;
  344 Z236 southAsia 6 5 Pakistan; 301 Z200 southAsia 4 0 Afghanistan; 201 Z100 albania 8 25 Albania;
  243 Z138 ukraine 8 10 Ucraina; 235 Z129 romania 4 25 Romania`).map(
  ([istatCode, belfiore, origin, arrivals, residents]) => ({
    istatCode,
    belfiore,
    origin,
    arrivals: Number(arrivals),
    residents: Number(residents),
  }),
);

/**
 * Names by origin. The Italian lists are the most frequent names of children born since 2008
 * (ISTAT), mixed at generation with faker's long tail.
 */
const namePoolsText = `
  italian male: Leonardo,Francesco,Alessandro,Lorenzo,Mattia,Andrea,Gabriele,Riccardo,Tommaso,Edoardo,Matteo,Giuseppe,Antonio,Federico,Diego,Davide,Christian,Nicolò,Giovanni,Samuele,Pietro,Marco,Luca,Filippo,Simone
  italian female: Sofia,Giulia,Aurora,Alice,Ginevra,Emma,Giorgia,Greta,Beatrice,Anna,Vittoria,Chiara,Ludovica,Matilde,Martina,Sara,Nicole,Gaia,Noemi,Rebecca,Francesca,Elisa,Camilla,Bianca,Maria
  italian family: Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti
  maghreb male: Mohamed,Youssef,Achraf,Hamza,Ayoub,Amine,Anas,Bilal,Hicham,Rachid,Oualid,Zakaria,Ismail,Mehdi,Omar,Soufiane,Ilyas,Adam
  maghreb female: Fatima,Aicha,Khadija,Salma,Meryem,Imane,Chaima,Nour,Hiba,Yasmine,Zineb
  maghreb family: El Amrani,Benali,Bouzid,Chahid,El Idrissi,Haddad,Mansouri,Tahiri,Alaoui,Ben Salah,Trabelsi,Jaziri,Gharbi,Hamdi,Ayari,Mejri
  egypt male: Mohamed,Ahmed,Mahmoud,Mostafa,Youssef,Omar,Abdelrahman,Karim,Hassan,Hussein,Ibrahim,Gamal,Ali,Amr,Khaled,Tarek
  egypt female: Fatma,Mariam,Nour,Aya,Salma,Habiba,Menna,Shahd
  egypt family: Abdelaziz,Mohamed,Ahmed,Hassan,Ibrahim,Mahmoud,Abdallah,Mostafa,Elsayed,Farouk,Soliman,Ragab,Shehata,Gomaa,Ali,Osman
  westAfrica male: Mamadou,Ibrahima,Ousmane,Abdoulaye,Moussa,Lamin,Alieu,Ebrima,Modou,Sekou,Amadou,Bakary,Chinedu,Emeka,Samuel,Musa
  westAfrica female: Fatoumata,Aminata,Mariama,Awa,Kadiatou,Blessing,Precious,Mercy,Isatou,Binta
  westAfrica family: Diallo,Jallow,Bah,Barry,Sow,Camara,Conteh,Ceesay,Touray,Keita,Traore,Coulibaly,Kone,Sylla,Ndiaye,Diop,Okafor,Okonkwo,Adeyemi,Eze,Obi
  southAsia male: Mohammad,Rahim,Hasan,Hossain,Rakib,Sakib,Shakil,Sabbir,Arif,Imran,Bilal,Usman,Zeeshan,Ali,Hamza,Ahmad,Sami
  southAsia female: Fatema,Ayesha,Nusrat,Sadia,Sumaiya,Maryam,Zainab,Hira
  southAsia family: Rahman,Hossain,Islam,Ahmed,Akter,Uddin,Khan,Chowdhury,Miah,Sheikh,Hussain,Shah,Malik,Butt,Qureshi,Ahmadzai,Rahimi,Noori
  albania male: Arber,Ardit,Klajdi,Erion,Endri,Kevin,Arlind,Besmir,Denis,Enea,Gerti,Jurgen,Leart
  albania female: Ana,Anxhela,Xhesika,Erisa,Klea,Sara,Megi,Ajola,Elona,Kejsi
  albania family: Hoxha,Shehu,Leka,Gjoka,Dervishi,Kola,Marku,Prifti,Kodra,Basha,Cela,Mema,Rama,Hasani,Duka
  romania male: Andrei,Alexandru,Ionut,Stefan,Mihai,Gabriel,Cristian,Florin,Darius,David,Matei,Rares
  romania female: Maria,Ioana,Andreea,Elena,Alexandra,Bianca,Denisa,Daria,Larisa
  romania family: Popescu,Ionescu,Popa,Pop,Dumitru,Stan,Stoica,Gheorghe,Ciobanu,Rusu,Munteanu,Constantin,Marin,Moldovan
  ukraine male: Oleksandr,Dmytro,Maksym,Andrii,Artem,Danylo,Bohdan,Serhii,Ivan,Mykola,Yurii,Vladyslav,Denys
  ukraine female: Anastasiia,Sofiia,Mariia,Daria,Viktoriia,Yuliia,Kateryna,Olena,Polina,Anna
  ukraine family: Melnyk,Shevchenko,Bondarenko,Kovalenko,Boyko,Tkachenko,Kravchenko,Kovalchuk,Oliinyk,Shevchuk,Lysenko,Marchenko`;
export type NamePool = { male: string[]; female: string[]; family: string[] };
const namePools = new Map<string, NamePool>();
for (const line of namePoolsText.trim().split("\n")) {
  const [, origin, list, names] = /^\s*(\w+) (male|female|family): (.+)$/.exec(line) ?? [];
  const pool = namePools.get(origin) ?? { male: [], female: [], family: [] };
  pool[list as keyof NamePool] = names.split(",");
  namePools.set(origin, pool);
}
export const poolOf = (origin: string): NamePool =>
  namePools.get(origin) ?? (namePools.get("italian") as NamePool);

/** Spellings of the same name by different offices, or with and without a particle or accent. */
const spellingVariantsText = `
  Mohamed:Mohammed,Muhammad,Mohammad,Mohamad; Mohammad:Mohammed,Muhammad,Mohamed; Youssef:Yousef,Yusuf,Youssouf;
  Achraf:Ashraf; Hicham:Hisham; Rachid:Rashid; Oualid:Walid; Zakaria:Zakariya,Zacharia; Ismail:Ismael,Esmail;
  Mehdi:Mahdi; Omar:Umar; Ilyas:Elias,Ilias; Soufiane:Sofiane,Sufian; Aicha:Aisha,Aysha; Ayesha:Aisha;
  Fatima:Fatma,Fatimah; Fatma:Fatima; Fatema:Fatima; Khadija:Khadidja,Kadija; Meryem:Mariam,Maryam;
  Mariam:Maryam,Meryem; Chaima:Shaima; Yasmine:Yasmin,Jasmine; Ahmed:Ahmad,Ahmet; Ahmad:Ahmed; Mahmoud:Mahmud;
  Mostafa:Mustafa,Moustapha; Abdelrahman:Abdul Rahman,Abderrahmane; Hassan:Hasan; Hasan:Hassan;
  Hussein:Husain,Hossein,Hussain; Hossain:Hussain,Hosain; Ibrahim:Ibrahima,Ebrahim; Khaled:Khalid;
  Tarek:Tariq,Tarik; Gamal:Jamal; Mamadou:Mamadu; Ousmane:Usman,Osman; Usman:Osman,Ousmane;
  Abdoulaye:Abdulai,Abdoulay; Moussa:Musa; Musa:Moussa; Lamin:Lamine; Alieu:Aliou; Amadou:Amadu,Ahmadou;
  Bakary:Bakari; Fatoumata:Fatumata; Kadiatou:Kadiatu,Khadiatou; Isatou:Isatu; Diallo:Jallow,Djalo; Jallow:Diallo;
  Traore:Traoré; Kone:Koné; Ceesay:Cissé,Sise; Touray:Touré; Camara:Kamara; Conteh:Konte; Ndiaye:N'Diaye;
  Rakib:Raqib; Sakib:Shakib; Shakil:Shakeel; Zeeshan:Zishan; Sheikh:Shaikh,Sheik; Chowdhury:Choudhury;
  Hussain:Husain,Hossain; Qureshi:Kureshi; Noori:Nuri; Oleksandr:Olexandr,Aleksandr; Dmytro:Dmitro,Dmitriy;
  Maksym:Maxim,Maksim; Andrii:Andriy,Andrey; Danylo:Danilo; Bohdan:Bogdan; Serhii:Serhiy,Sergii; Mykola:Mikola;
  Yurii:Yuriy,Iurii; Vladyslav:Vladislav; Denys:Denis; Anastasiia:Anastasia,Anastasiya; Sofiia:Sofia,Sofiya;
  Mariia:Maria,Mariya; Viktoriia:Viktoriya,Victoria; Yuliia:Yulia,Iuliia; Kateryna:Katerina; Shevchenko:Ševčenko;
  Kovalchuk:Kovaltchuk; Oliinyk:Oliynyk,Oleinik; Melnyk:Melnik; Ionut:Ionuț; Stefan:Ștefan; Hoxha:Hoxa,Hodja;
  Klajdi:Klaidi; Anxhela:Angela; Xhesika:Jessica; Shehu:Sheu; El Amrani:Elamrani,Amrani;
  El Idrissi:Idrissi,Elidrissi; Ben Salah:Bensalah; De Luca:Deluca; Nicolò:Nicolo,Niccolò`;
export const spellingVariants: ReadonlyMap<string, readonly string[]> = new Map(
  spellingVariantsText
    .trim()
    .split(/;\s*/)
    .map((entry) => {
      const [name, variants] = entry.split(":");
      return [name, variants.split(",")];
    }),
);
