/**
 * Demo zones (zone distretto) of Toscana, for a fresh installation and for tests: demo data, not
 * official. Names follow the Tuscan zone-distretto; the composition is the best available
 * reconstruction and keeps some zones split (Grossetana-Colline Metallifere and Amiata Grossetana)
 * or merged (Aretina-Casentino-Valtiberina) differently from the regional act in force. Zones are
 * configurable by the Region: the real table is loaded by the Region, not taken from here.
 * Every Tuscan comune (region 09) of comuni.generated.json is in exactly one zone.
 */
export interface DemoZone {
  code: string;
  name: string;
  /** ISTAT comune codes. */
  comuni: readonly string[];
}

export const demoZones: readonly DemoZone[] = [
  {
    code: "firenze",
    name: "Firenze",
    comuni: [
      "048017", // Firenze
    ],
  },
  {
    code: "fiorentina-nord-ovest",
    name: "Fiorentina Nord-Ovest",
    comuni: [
      "048005", // Calenzano
      "048006", // Campi Bisenzio
      "048015", // Fiesole
      "048024", // Lastra a Signa
      "048041", // Scandicci
      "048043", // Sesto Fiorentino
      "048044", // Signa
      "048046", // Vaglia
    ],
  },
  {
    code: "fiorentina-sud-est",
    name: "Fiorentina Sud-Est",
    comuni: [
      "048001", // Bagno a Ripoli
      "048021", // Greve in Chianti
      "048022", // Impruneta
      "048025", // Londa
      "048032", // Pelago
      "048033", // Pontassieve
      "048035", // Reggello
      "048036", // Rignano sull'Arno
      "048037", // Rufina
      "048038", // San Casciano in Val di Pesa
      "048039", // San Godenzo
      "048052", // Figline e Incisa Valdarno
      "048054", // Barberino Tavarnelle
    ],
  },
  {
    code: "mugello",
    name: "Mugello",
    comuni: [
      "048002", // Barberino di Mugello
      "048004", // Borgo San Lorenzo
      "048013", // Dicomano
      "048018", // Firenzuola
      "048026", // Marradi
      "048031", // Palazzuolo sul Senio
      "048049", // Vicchio
      "048053", // Scarperia e San Piero
    ],
  },
  {
    code: "empolese-valdarno-valdelsa",
    name: "Empolese Valdarno Valdelsa",
    comuni: [
      "048008", // Capraia e Limite
      "048010", // Castelfiorentino
      "048011", // Cerreto Guidi
      "048012", // Certaldo
      "048014", // Empoli
      "048019", // Fucecchio
      "048020", // Gambassi Terme
      "048027", // Montaione
      "048028", // Montelupo Fiorentino
      "048030", // Montespertoli
      "048050", // Vinci
      "050009", // Castelfranco di Sotto
      "050022", // Montopoli in Val d'Arno
      "050032", // San Miniato
      "050033", // Santa Croce sull'Arno
      "050035", // Santa Maria a Monte
    ],
  },
  {
    code: "pratese",
    name: "Pratese",
    comuni: [
      "100001", // Cantagallo
      "100002", // Carmignano
      "100003", // Montemurlo
      "100004", // Poggio a Caiano
      "100005", // Prato
      "100006", // Vaiano
      "100007", // Vernio
    ],
  },
  {
    code: "pistoiese",
    name: "Pistoiese",
    comuni: [
      "047002", // Agliana
      "047007", // Marliana
      "047010", // Montale
      "047014", // Pistoia
      "047017", // Quarrata
      "047018", // Sambuca Pistoiese
      "047020", // Serravalle Pistoiese
      "047023", // Abetone Cutigliano
      "047024", // San Marcello Piteglio
    ],
  },
  {
    code: "val-di-nievole",
    name: "Val di Nievole",
    comuni: [
      "047003", // Buggiano
      "047005", // Lamporecchio
      "047006", // Larciano
      "047008", // Massa e Cozzile
      "047009", // Monsummano Terme
      "047011", // Montecatini-Terme
      "047012", // Pescia
      "047013", // Pieve a Nievole
      "047016", // Ponte Buggianese
      "047021", // Uzzano
      "047022", // Chiesina Uzzanese
    ],
  },
  {
    code: "lunigiana",
    name: "Lunigiana",
    comuni: [
      "045001", // Aulla
      "045002", // Bagnone
      "045004", // Casola in Lunigiana
      "045005", // Comano
      "045006", // Filattiera
      "045007", // Fivizzano
      "045008", // Fosdinovo
      "045009", // Licciana Nardi
      "045012", // Mulazzo
      "045013", // Podenzana
      "045014", // Pontremoli
      "045015", // Tresana
      "045016", // Villafranca in Lunigiana
      "045017", // Zeri
    ],
  },
  {
    code: "apuane",
    name: "Apuane",
    comuni: [
      "045003", // Carrara
      "045010", // Massa
      "045011", // Montignoso
    ],
  },
  {
    code: "valle-del-serchio",
    name: "Valle del Serchio",
    comuni: [
      "046002", // Bagni di Lucca
      "046003", // Barga
      "046004", // Borgo a Mozzano
      "046006", // Camporgiano
      "046008", // Careggine
      "046009", // Castelnuovo di Garfagnana
      "046010", // Castiglione di Garfagnana
      "046011", // Coreglia Antelminelli
      "046014", // Fosciandora
      "046015", // Gallicano
      "046019", // Minucciano
      "046020", // Molazzana
      "046023", // Piazza al Serchio
      "046025", // Pieve Fosciana
      "046027", // San Romano in Garfagnana
      "046031", // Vagli Sotto
      "046035", // Villa Collemandina
      "046036", // Fabbriche di Vergemoli
      "046037", // Sillano Giuncugnano
    ],
  },
  {
    code: "piana-di-lucca",
    name: "Piana di Lucca",
    comuni: [
      "046001", // Altopascio
      "046007", // Capannori
      "046017", // Lucca
      "046021", // Montecarlo
      "046022", // Pescaglia
      "046026", // Porcari
      "046034", // Villa Basilica
    ],
  },
  {
    code: "versilia",
    name: "Versilia",
    comuni: [
      "046005", // Camaiore
      "046013", // Forte dei Marmi
      "046018", // Massarosa
      "046024", // Pietrasanta
      "046028", // Seravezza
      "046030", // Stazzema
      "046033", // Viareggio
    ],
  },
  {
    code: "pisana",
    name: "Pisana",
    comuni: [
      "050003", // Calci
      "050008", // Cascina
      "050014", // Fauglia
      "050023", // Orciano Pisano
      "050026", // Pisa
      "050031", // San Giuliano Terme
      "050037", // Vecchiano
      "050038", // Vicopisano
      "050041", // Crespina Lorenzana
    ],
  },
  {
    code: "alta-val-di-cecina-valdera",
    name: "Alta Val di Cecina-Valdera",
    comuni: [
      "050001", // Bientina
      "050002", // Buti
      "050004", // Calcinaia
      "050005", // Capannoli
      "050011", // Castelnuovo di Val di Cecina
      "050012", // Chianni
      "050016", // Lajatico
      "050019", // Montecatini Val di Cecina
      "050021", // Monteverdi Marittimo
      "050024", // Palaia
      "050025", // Peccioli
      "050027", // Pomarance
      "050028", // Ponsacco
      "050029", // Pontedera
      "050036", // Terricciola
      "050039", // Volterra
      "050040", // Casciana Terme Lari
    ],
  },
  {
    code: "bassa-val-di-cecina-val-di-cornia",
    name: "Bassa Val di Cecina-Val di Cornia",
    comuni: [
      "049001", // Bibbona
      "049002", // Campiglia Marittima
      "049006", // Castagneto Carducci
      "049007", // Cecina
      "049012", // Piombino
      "049017", // Rosignano Marittimo
      "049018", // San Vincenzo
      "049019", // Sassetta
      "049020", // Suvereto
      "050006", // Casale Marittimo
      "050010", // Castellina Marittima
      "050015", // Guardistallo
      "050020", // Montescudaio
      "050030", // Riparbella
      "050034", // Santa Luce
    ],
  },
  {
    code: "livornese",
    name: "Livornese",
    comuni: [
      "049005", // Capraia Isola
      "049008", // Collesalvetti
      "049009", // Livorno
    ],
  },
  {
    code: "elba",
    name: "Elba",
    comuni: [
      "049003", // Campo nell'Elba
      "049004", // Capoliveri
      "049010", // Marciana
      "049011", // Marciana Marina
      "049013", // Porto Azzurro
      "049014", // Portoferraio
      "049021", // Rio
    ],
  },
  {
    code: "alta-val-d-elsa",
    name: "Alta Val d'Elsa",
    comuni: [
      "052004", // Casole d'Elsa
      "052012", // Colle di Val d'Elsa
      "052022", // Poggibonsi
      "052025", // Radicondoli
      "052028", // San Gimignano
    ],
  },
  {
    code: "senese",
    name: "Senese",
    comuni: [
      "052002", // Asciano
      "052003", // Buonconvento
      "052005", // Castellina in Chianti
      "052006", // Castelnuovo Berardenga
      "052010", // Chiusdino
      "052013", // Gaiole in Chianti
      "052016", // Monteriggioni
      "052017", // Monteroni d'Arbia
      "052018", // Monticiano
      "052019", // Murlo
      "052023", // Radda in Chianti
      "052026", // Rapolano Terme
      "052032", // Siena
      "052034", // Sovicille
      "052037", // Montalcino
    ],
  },
  {
    code: "amiata-senese-val-d-orcia-valdichiana-senese",
    name: "Amiata Senese e Val d'Orcia-Valdichiana Senese",
    comuni: [
      "052001", // Abbadia San Salvatore
      "052007", // Castiglione d'Orcia
      "052008", // Cetona
      "052009", // Chianciano Terme
      "052011", // Chiusi
      "052015", // Montepulciano
      "052020", // Piancastagnaio
      "052021", // Pienza
      "052024", // Radicofani
      "052027", // San Casciano dei Bagni
      "052030", // San Quirico d'Orcia
      "052031", // Sarteano
      "052033", // Sinalunga
      "052035", // Torrita di Siena
      "052036", // Trequanda
    ],
  },
  {
    code: "aretina-casentino-valtiberina",
    name: "Aretina-Casentino-Valtiberina",
    comuni: [
      "051001", // Anghiari
      "051002", // Arezzo
      "051003", // Badia Tedalda
      "051004", // Bibbiena
      "051006", // Capolona
      "051007", // Caprese Michelangelo
      "051008", // Castel Focognano
      "051010", // Castel San Niccolò
      "051011", // Castiglion Fibocchi
      "051014", // Chitignano
      "051015", // Chiusi della Verna
      "051016", // Civitella in Val di Chiana
      "051023", // Montemignaio
      "051024", // Monterchi
      "051025", // Monte San Savino
      "051027", // Ortignano Raggiolo
      "051030", // Pieve Santo Stefano
      "051031", // Poppi
      "051034", // Sansepolcro
      "051035", // Sestino
      "051037", // Subbiano
      "051038", // Talla
      "051041", // Pratovecchio Stia
    ],
  },
  {
    code: "valdarno",
    name: "Valdarno",
    comuni: [
      "051005", // Bucine
      "051013", // Cavriglia
      "051020", // Loro Ciuffenna
      "051026", // Montevarchi
      "051033", // San Giovanni Valdarno
      "051039", // Terranuova Bracciolini
      "051040", // Castelfranco Piandiscò
      "051042", // Laterina Pergine Valdarno
    ],
  },
  {
    code: "valdichiana-aretina",
    name: "Valdichiana Aretina",
    comuni: [
      "051012", // Castiglion Fiorentino
      "051017", // Cortona
      "051018", // Foiano della Chiana
      "051021", // Lucignano
      "051022", // Marciano della Chiana
    ],
  },
  {
    code: "grossetana-colline-metallifere",
    name: "Grossetana-Colline Metallifere",
    comuni: [
      "053002", // Campagnatico
      "053006", // Castiglione della Pescaia
      "053008", // Civitella Paganico
      "053009", // Follonica
      "053010", // Gavorrano
      "053011", // Grosseto
      "053015", // Massa Marittima
      "053017", // Montieri
      "053021", // Roccastrada
      "053023", // Scansano
      "053024", // Scarlino
      "053027", // Monterotondo Marittimo
    ],
  },
  {
    code: "amiata-grossetana",
    name: "Amiata Grossetana",
    comuni: [
      "053001", // Arcidosso
      "053004", // Castel del Piano
      "053005", // Castell'Azzara
      "053007", // Cinigiano
      "053020", // Roccalbegna
      "053022", // Santa Fiora
      "053025", // Seggiano
      "053028", // Semproniano
    ],
  },
  {
    code: "colline-dell-albegna",
    name: "Colline dell'Albegna",
    comuni: [
      "053003", // Capalbio
      "053012", // Isola del Giglio
      "053013", // Magliano in Toscana
      "053014", // Manciano
      "053016", // Monte Argentario
      "053018", // Orbetello
      "053019", // Pitigliano
      "053026", // Sorano
    ],
  },
];
