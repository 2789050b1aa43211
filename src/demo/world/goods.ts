/**
 * The goods of the synthetic customs extract: real HS 2022 subheadings (descriptions as the HS 2022
 * nomenclature words them; CHPL tiers from the Common High Priority List of Feb 2024), each with a
 * supplementary unit, a plausible unit-price range in USD, a lot-size range per customs line, a net
 * weight per unit and a seasonal profile. Descriptions taken once from the HS 2022 nomenclature as
 * packaged by datasets/harmonized-system (commit 905e5a0f, ODC-PDDL-1.0), tiers from the CHPL of
 * 23 Feb 2024 (BIS with the EU, UK and Japan; US public domain); prices, lots, weights and seasons
 * are the generator's own plausible ranges. Nothing outside the repository is read at run time.
 */

export type Unit = 'pcs' | 'kg' | 'l' | 'm2' | 'pairs';
export type Season = 'flat' | 'apples' | 'citrus' | 'summer' | 'harvest' | 'winter' | 'autumn' | 'spring' | 'christmas';

/** CHPL tier (1, 2, 3.A, 3.B, 4.A, 4.B) or null for goods not on the list. */
export type ChplTier = '1' | '2' | '3.A' | '3.B' | '4.A' | '4.B';

export interface Good {
  hs6: string;
  /** HS 2022 description */
  description: string;
  chpl: ChplTier | null;
  unit: Unit;
  /** USD per unit, [low, high]; unit prices of ordinary trade fall in this range (log-uniform) */
  price: [number, number];
  /** units per customs line, [low, high] */
  lot: [number, number];
  /** net kilograms per unit */
  kgPerUnit: number;
  season: Season;
  /** commercial descriptions as declarants write them */
  trade: string[];
}

function g(hs6: string, description: string, chpl: ChplTier | null, unit: Unit, price: [number, number], lot: [number, number], kgPerUnit: number, season: Season, trade: string[]): Good {
  return { hs6, description, chpl, unit, price, lot, kgPerUnit, season, trade };
}

export const GOODS: readonly Good[] = [
  g('854231', "Electronic integrated circuits; processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers, clock and timing circuits, or other circuits", '1', 'pcs', [0.6, 40], [500, 20000], 0.002, 'flat', ["Microcontrollers, 32-bit, in reels","Processors and controllers, integrated circuits","Microcontroller units (MCU), SMD packages"]),
  g('854232', "Electronic integrated circuits; memories", '1', 'pcs', [0.8, 18], [500, 20000], 0.002, 'flat', ["Memory chips, DRAM","Flash memory integrated circuits","NAND flash memory ICs"]),
  g('854233', "Electronic integrated circuits; amplifiers", '1', 'pcs', [0.15, 6], [1000, 50000], 0.001, 'flat', ["Operational amplifiers, integrated","Amplifier integrated circuits"]),
  g('854239', "Electronic integrated circuits; n.e.c. in heading no. 8542", '1', 'pcs', [0.3, 25], [1000, 30000], 0.002, 'flat', ["Integrated circuits, other","Interface and power-management ICs","FPGA and logic integrated circuits"]),
  g('851762', "Communication apparatus (excluding telephone sets or base stations); machines for the reception, conversion and transmission or regeneration of voice, images or other data, including switching and routing apparatus", '2', 'pcs', [25, 900], [20, 2000], 0.8, 'flat', ["Network routers and switches","Wireless data transmission modules","Industrial modems and gateways"]),
  g('852691', "Radio navigational aid apparatus", '2', 'pcs', [30, 1500], [10, 1000], 0.3, 'flat', ["GNSS receivers and modules","Radio navigation receivers"]),
  g('853221', "Electrical capacitors; fixed, tantalum", '2', 'pcs', [0.05, 2.5], [10000, 500000], 0.0003, 'flat', ["Tantalum capacitors, SMD","Fixed tantalum electrolytic capacitors"]),
  g('853224', "Electrical capacitors; fixed, ceramic dielectric, multilayer", '2', 'pcs', [0.004, 0.2], [100000, 5000000], 0.00002, 'flat', ["Multilayer ceramic capacitors (MLCC), in reels","Ceramic chip capacitors, multilayer"]),
  g('854800', "Electrical parts of machinery or apparatus; not specified or elsewhere included in this chapter", '2', 'pcs', [0.5, 60], [200, 20000], 0.05, 'flat', ["Electrical parts of apparatus, n.e.s.","Electronic assemblies and parts"]),
  g('847150', "Units of automatic data processing machines; processing units other than those of item no. 8471.41 or 8471.49, whether or not containing in the same housing one or two of the following types of unit: storage units, input units or output units", '3.A', 'pcs', [200, 3500], [5, 400], 6, 'flat', ["Server processing units","Computing units for data processing machines"]),
  g('850440', "Electrical static converters", '3.A', 'pcs', [8, 900], [20, 3000], 1.2, 'flat', ["Power supplies and static converters","DC/DC converters","Inverters and rectifiers"]),
  g('851769', "Communication apparatus (excluding telephone sets or base stations); machines for the transmission or reception of voice, images or other data (including wired/wireless networks), n.e.c. in item no. 8517.6", '3.A', 'pcs', [15, 700], [20, 3000], 0.4, 'flat', ["Communication apparatus, n.e.s.","Wireless transceiver units","Radio communication modules"]),
  g('852589', "Television cameras; n.e.c. in item no 8525.8", '3.A', 'pcs', [60, 2500], [5, 800], 0.6, 'flat', ["Video cameras, surveillance","Thermal imaging cameras","Industrial television cameras"]),
  g('852910', "Reception and transmission apparatus; aerials and aerial reflectors of all kinds and parts suitable for use therewith", '3.A', 'pcs', [2, 250], [50, 5000], 0.3, 'flat', ["Antennas and aerials","GSM/LTE antennas"]),
  g('853690', "Electrical apparatus; n.e.c. in heading no. 8536, for switching or protecting electrical circuits, for a voltage not exceeding 1000 volts", '3.A', 'pcs', [0.2, 30], [500, 50000], 0.02, 'flat', ["Connectors and switching apparatus, low voltage","Relays and circuit protection devices"]),
  g('854110', "Electrical apparatus; diodes, other than photosensitive or light-emitting diodes (LED)", '3.A', 'pcs', [0.01, 0.6], [10000, 500000], 0.0002, 'flat', ["Diodes, rectifier","Schottky and Zener diodes"]),
  g('854121', "Electrical apparatus; transistors, (other than photosensitive), with a dissipation rate of less than 1W", '3.A', 'pcs', [0.01, 0.5], [10000, 500000], 0.0002, 'flat', ["Transistors, low power, SMD","Small-signal transistors"]),
  g('854129', "Electrical apparatus; transistors, (other than photosensitive), with a dissipation rate of 1W or more", '3.A', 'pcs', [0.1, 12], [1000, 100000], 0.002, 'flat', ["Power transistors (MOSFET, IGBT)","Power semiconductor transistors"]),
  g('854141', "Electrical apparatus; photosensitive semiconductor devices, light emitting diodes (LED)", null, 'pcs', [0.02, 1.5], [10000, 500000], 0.0003, 'flat', ["Light-emitting diodes (LED), SMD","LED chips"]),
  g('854149', "Electrical apparatus; photosensitive semiconductor devices, diodes other than light emitting diodes and photovoltaic cells whether or not assembled in modules or made up into panels", '3.A', 'pcs', [0.1, 35], [500, 50000], 0.002, 'flat', ["Photodiodes and optocouplers","Photosensitive semiconductor devices"]),
  g('854160', "Crystals; mounted piezo-electric", '3.A', 'pcs', [0.05, 2.5], [5000, 200000], 0.0005, 'flat', ["Quartz crystals and resonators","Piezoelectric crystals, mounted"]),
  g('853400', "Circuits; printed", '4.A', 'pcs', [0.5, 60], [500, 30000], 0.03, 'flat', ["Printed circuit boards, multilayer","Printed circuit boards, bare"]),
  g('852351', "Semiconductor media; solid-state non-volatile storage devices, whether or not recorded, excluding products of Chapter 37", null, 'pcs', [4, 180], [100, 10000], 0.02, 'flat', ["Solid-state drives (SSD)","Flash memory cards and USB drives"]),
  g('847330', "Machinery; parts and accessories (other than covers, carrying cases and the like) of the machines of heading no. 8471", null, 'pcs', [2, 300], [100, 10000], 0.2, 'flat', ["Parts and accessories for computers","Motherboards and expansion cards"]),
  g('848210', "Ball bearings", '3.B', 'pcs', [0.3, 90], [200, 30000], 0.2, 'flat', ["Ball bearings","Deep-groove ball bearings"]),
  g('848220', "Bearings; tapered roller bearings, including cone and tapered roller assemblies", '3.B', 'pcs', [2, 160], [100, 10000], 1.1, 'flat', ["Tapered roller bearings","Tapered roller bearing assemblies"]),
  g('848230', "Bearings; spherical roller bearings", '3.B', 'pcs', [10, 550], [20, 3000], 3.5, 'flat', ["Spherical roller bearings"]),
  g('848250', "Bearings; cylindrical roller bearings, including cage and roller assemblies n.e.c. in heading no. 8482", '3.B', 'pcs', [5, 320], [50, 5000], 2.2, 'flat', ["Cylindrical roller bearings"]),
  g('880730', "Aircraft and spacecraft; parts of aeroplanes, helicopters or unmanned aircraft n.e.c. in heading no. 8807", '3.B', 'pcs', [5, 2500], [10, 2000], 0.6, 'flat', ["Parts of unmanned aircraft","Aircraft parts, n.e.s."]),
  g('901310', "Optical appliances and instruments; telescopic sights for fitting to arms; periscopes; telescopes designed to form parts of machines, appliances, instruments or apparatus of this chapter", '3.B', 'pcs', [100, 3200], [5, 300], 0.9, 'flat', ["Telescopic sights and periscopes","Riflescopes"]),
  g('901380', "Optical devices, appliances and instruments; n.e.c. in heading no. 9013", '3.B', 'pcs', [5, 550], [20, 3000], 0.3, 'flat', ["Optical devices and instruments, n.e.s.","Laser optical assemblies"]),
  g('901420', "Navigational instruments and appliances; for aeronautical or space navigation (excluding compasses)", '3.B', 'pcs', [250, 22000], [2, 100], 2, 'flat', ["Aeronautical navigation instruments","Inertial navigation units"]),
  g('901480', "Navigational instruments and appliances; for navigation other than aeronautical or space navigation (excluding direction finding compasses)", '3.B', 'pcs', [50, 5500], [5, 300], 1.5, 'flat', ["Navigation instruments, marine and land","Echo sounders and navigation units"]),
  g('847180', "Units of automatic data processing machines; n.e.c. in item no. 8471.50, 8471.60 or 8471.70", '4.A', 'pcs', [50, 2200], [10, 1000], 2, 'flat', ["Data processing units, n.e.s.","Computer storage and interface units"]),
  g('854320', "Electrical machines and apparatus; signal generators", '4.A', 'pcs', [300, 22000], [2, 150], 6, 'flat', ["Signal generators","Arbitrary waveform generators"]),
  g('902750', "Instruments and apparatus; using optical radiations (UV, visible, IR), (other than spectrometers, spectrophotometers and spectrographs)", '4.A', 'pcs', [500, 55000], [1, 40], 20, 'flat', ["Optical analysers (UV, IR)","Spectroscopic analysers"]),
  g('903020', "Oscilloscopes and oscillographs", '4.A', 'pcs', [300, 32000], [2, 150], 5, 'flat', ["Digital oscilloscopes","Oscilloscopes and oscillographs"]),
  g('903032', "Multimeters; for measuring or checking voltage, current, resistance or power, with a recording device", '4.A', 'pcs', [50, 3200], [10, 500], 0.8, 'flat', ["Recording multimeters","Digital multimeters with data logging"]),
  g('903039', "Instruments and apparatus; for measuring or checking voltage, current, resistance or power, with a recording device (excluding multimeters)", '4.A', 'pcs', [50, 5500], [5, 400], 2, 'flat', ["Measuring instruments for voltage and current, recording","Power analysers"]),
  g('903082', "Instruments and apparatus; for measuring or checking semiconductor wafers or devices (including integrated circuits)", '4.A', 'pcs', [5000, 550000], [1, 10], 150, 'flat', ["Semiconductor wafer test equipment","IC test systems"]),
  g('845710', "Machining centres; for working metal", '4.B', 'pcs', [50000, 850000], [1, 4], 7000, 'flat', ["CNC machining centres for metal","Vertical machining centres"]),
  g('845811', "Lathes; for removing metal, horizontal, numerically controlled", '4.B', 'pcs', [30000, 520000], [1, 5], 4500, 'flat', ["CNC horizontal lathes for metal","Numerically controlled turning centres"]),
  g('845961', "Machine-tools; for milling by removing metal, (not knee-type), numerically controlled", '4.B', 'pcs', [30000, 420000], [1, 5], 5000, 'flat', ["CNC milling machines for metal"]),
  g('846693', "Parts & accessories suited for use solely/principally with machines of headings 8456-8465; n.e.c. in heading no. 8466", '4.B', 'kg', [8, 120], [50, 5000], 1, 'flat', ["Parts and accessories for machine tools","Spindles and tool holders"]),
  g('880621', "Unmanned aircraft; for remote-controlled flight only, for other than for carriage of passengers, with the maximum take-off weight of not more than 250g", null, 'pcs', [300, 1300], [10, 500], 0.25, 'flat', ["Unmanned aircraft (drones), up to 250 g","Mini camera drones"]),
  g('880622', "Unmanned aircraft; for remote-controlled flight only, for other than for carriage of passengers, with the maximum take-off weight of more than 250g but not more than 7kg", null, 'pcs', [800, 16000], [5, 300], 2.5, 'flat', ["Unmanned aircraft (drones), 250 g to 7 kg","Quadcopters with camera, professional"]),
  g('880623', "Unmanned aircraft; for remote-controlled flight only, for other than for carriage of passengers, with the maximum take-off weight of more than 7kg but not more than 25kg", null, 'pcs', [5000, 65000], [1, 40], 15, 'flat', ["Unmanned aircraft (drones), 7 kg to 25 kg","Agricultural spraying drones"]),
  g('080810', "Fruit, edible; apples, fresh", null, 'kg', [0.4, 1.3], [5000, 40000], 1, 'apples', ["Fresh apples","Apples, fresh, in boxes"]),
  g('080510', "Fruit, edible; oranges, fresh or dried", null, 'kg', [0.4, 1.1], [5000, 40000], 1, 'citrus', ["Fresh oranges","Oranges, fresh"]),
  g('070200', "Vegetables; tomatoes, fresh or chilled", null, 'kg', [0.5, 1.6], [3000, 25000], 1, 'summer', ["Fresh tomatoes","Tomatoes, fresh, chilled"]),
  g('080610', "Fruit, edible; grapes, fresh", null, 'kg', [0.8, 2.5], [3000, 20000], 1, 'summer', ["Fresh grapes","Table grapes, fresh"]),
  g('081090', "Fruit, edible; fruits n.e.c. in heading no. 0801 to 0810, fresh", null, 'kg', [0.6, 3], [2000, 20000], 1, 'summer', ["Fresh fruit, n.e.s. (persimmons, pomegranates)"]),
  g('040690', "Dairy produce; cheese (not grated, powdered or processed), n.e.c. in heading no. 0406", null, 'kg', [3, 13], [1000, 20000], 1, 'flat', ["Cheese","Hard cheese"]),
  g('180690', "Chocolate and other food preparations containing cocoa; n.e.c. in chapter 18", null, 'kg', [3, 11], [1000, 20000], 1, 'winter', ["Chocolate confectionery","Chocolate products"]),
  g('090240', "Tea, black; (fermented) and partly fermented tea, in immediate packings of a content exceeding 3kg", null, 'kg', [2, 9], [1000, 20000], 1, 'flat', ["Black tea, bulk"]),
  g('210690', "Food preparations; n.e.c. in item no. 2106.10", null, 'kg', [2, 22], [500, 15000], 1, 'flat', ["Food preparations, n.e.s.","Food supplements"]),
  g('100199', "Cereals; wheat and meslin, other than durum wheat, other than seed", null, 'kg', [0.18, 0.35], [50000, 500000], 1, 'harvest', ["Wheat, milling quality","Wheat, other than durum"]),
  g('170199', "Sugars; sucrose, chemically pure, in solid form, not containing added flavouring or colouring matter", null, 'kg', [0.3, 0.75], [20000, 200000], 1, 'flat', ["White sugar","Cane or beet sugar, refined"]),
  g('151219', "Vegetable oils; sunflower seed or safflower oil and their fractions, other than crude, whether or not refined, but not chemically modified", null, 'kg', [0.8, 2.2], [10000, 100000], 1, 'flat', ["Sunflower oil, refined"]),
  g('200911', "Juice; orange, frozen, unfermented, (not containing added spirit), whether or not containing added sugar or other sweetening matter", null, 'kg', [0.8, 2.5], [5000, 40000], 1, 'flat', ["Frozen orange juice concentrate"]),
  g('040221', "Dairy produce; milk and cream, concentrated, not containing added sugar or other sweetening matter, in powder, granules or other solid forms, of a fat content exceeding 1.5% (by weight)", null, 'kg', [2, 4.5], [5000, 40000], 1, 'flat', ["Milk powder, whole"]),
  g('020714', "Meat and edible offal; of fowls of the species Gallus domesticus, cuts and offal, frozen", null, 'kg', [1.5, 3.5], [5000, 40000], 1, 'flat', ["Frozen chicken cuts"]),
  g('030389', "Fish; frozen, n.e.c. in heading 0303, excluding fillets, fish meat of 0304, and edible fish offal of subheadings 0303.91 to 0303.99", null, 'kg', [1.2, 5], [5000, 40000], 1, 'flat', ["Frozen fish"]),
  g('220421', "Wine; still, in containers holding 2 litres or less", null, 'l', [1.5, 16], [1000, 20000], 1, 'winter', ["Still wine, bottled"]),
  g('610910', "T-shirts, singlets and other vests; of cotton, knitted or crocheted", null, 'pcs', [1.5, 12], [1000, 30000], 0.2, 'autumn', ["Cotton T-shirts, knitted"]),
  g('620342', "Trousers, bib and brace overalls, breeches and shorts; men's or boys', of cotton (not knitted or crocheted)", null, 'pcs', [4, 32], [500, 15000], 0.5, 'autumn', ["Men's cotton trousers","Cotton jeans"]),
  g('640399', "Footwear; n.e.c. in heading no. 6403, (not covering the ankle), outer soles of rubber, plastics or composition leather, uppers of leather", null, 'pairs', [8, 65], [300, 8000], 0.9, 'autumn', ["Leather footwear"]),
  g('520852', "Fabrics, woven; containing 85% or more by weight of cotton, printed, plain weave, weighing more than 100g/m2 but not more than 200g/m2", null, 'm2', [0.8, 4.2], [5000, 80000], 0.15, 'flat', ["Printed cotton fabric"]),
  g('611020', "Jerseys, pullovers, cardigans, waistcoats and similar articles; of cotton, knitted or crocheted", null, 'pcs', [5, 42], [500, 15000], 0.45, 'autumn', ["Cotton jerseys and pullovers"]),
  g('630260', "Kitchen and toilet linen; of terry towelling or similar terry fabrics, of cotton", null, 'kg', [3, 10.5], [500, 10000], 1, 'flat', ["Cotton terry towels"]),
  g('390120', "Ethylene polymers; in primary forms, polyethylene having a specific gravity of 0.94 or more", null, 'kg', [0.9, 1.8], [20000, 200000], 1, 'flat', ["Polyethylene (HDPE) granules"]),
  g('310520', "Fertilizers, mineral or chemical; containing the three fertilizing elements nitrogen, phosphorus and potassium", null, 'kg', [0.3, 0.85], [20000, 300000], 1, 'spring', ["NPK fertilisers"]),
  g('380893', "Herbicides, anti-sprouting products and plant-growth regulators; other than containing goods of Subheading Note 1 to this Chapter; put up in forms or packings for retail sale or as preparations or articles", null, 'kg', [3, 15], [1000, 20000], 1, 'spring', ["Herbicides"]),
  g('290511', "Alcohols; saturated monohydric, methanol (methyl alcohol)", null, 'kg', [0.25, 0.6], [20000, 300000], 1, 'flat', ["Methanol"]),
  g('392690', "Plastics; other articles n.e.c. in chapter 39", null, 'kg', [2, 18], [500, 15000], 1, 'flat', ["Plastic articles, n.e.s."]),
  g('330499', "Cosmetic and toilet preparations; n.e.c. in heading no. 3304, for the care of the skin (excluding medicaments, including sunscreen or sun tan preparations)", null, 'kg', [5, 65], [200, 8000], 1, 'winter', ["Skin-care cosmetics"]),
  g('300490', "Medicaments; consisting of mixed or unmixed products n.e.c. in heading no. 3004, for therapeutic or prophylactic uses, packaged for retail sale", null, 'kg', [20, 520], [100, 5000], 1, 'flat', ["Medicaments, packaged for retail sale"]),
  g('901839', "Medical, surgical instruments and appliances; catheters, cannulae and the like", null, 'pcs', [0.2, 55], [1000, 50000], 0.02, 'flat', ["Catheters and cannulae"]),
  g('721049', "Iron or non-alloy steel; flat-rolled, width 600mm or more, (not corrugated), plated or coated with zinc (not electrolytically)", null, 'kg', [0.6, 1.25], [20000, 300000], 1, 'summer', ["Galvanised steel sheet"]),
  g('730890', "Iron or steel; structures and parts thereof, n.e.c. in heading 7308", null, 'kg', [1, 3.2], [5000, 100000], 1, 'summer', ["Steel structures"]),
  g('690721', "Ceramic tiles; flags and paving, hearth or wall tiles other than those of subheadings 6907.30 and 6907.40, of a water absorption coefficient by weight not over 0.5%", null, 'm2', [4, 26], [1000, 20000], 20, 'summer', ["Ceramic floor tiles"]),
  g('252329', "Cement; portland, other than white, whether or not artificially coloured", null, 'kg', [0.05, 0.13], [100000, 1000000], 1, 'summer', ["Portland cement"]),
  g('760410', "Aluminium; (not alloyed), bars, rods and profiles", null, 'kg', [2.5, 4.6], [5000, 50000], 1, 'flat', ["Aluminium profiles"]),
  g('740311', "Copper; refined, unwrought, cathodes and sections of cathodes", null, 'kg', [6, 10.5], [20000, 200000], 1, 'flat', ["Copper cathodes"]),
  g('940360', "Furniture; wooden, other than for office, kitchen or bedroom use", null, 'pcs', [50, 850], [20, 2000], 25, 'flat', ["Wooden furniture"]),
  g('940171', "Seats; with metal frames, upholstered, (excluding medical, surgical, dental, veterinary or barber furniture)", null, 'pcs', [40, 650], [50, 3000], 12, 'flat', ["Upholstered seats with metal frames"]),
  g('940490', "Bedding and similar furnishing articles; n.e.c. in heading no. 9404 (e.g. quilts, eiderdowns, cushions, pouffes and pillows)", null, 'pcs', [10, 220], [200, 8000], 1.5, 'winter', ["Pillows, quilts and bedding"]),
  g('950300', "Tricycles, scooters, pedal cars and similar wheeled toys; dolls' carriages; dolls; other toys; reduced-size (scale) models and similar recreational models, working or not; puzzles of all kinds", null, 'pcs', [1, 42], [500, 30000], 0.3, 'christmas', ["Toys","Dolls and plastic toys"]),
  g('950691', "Athletics and gymnastics equipment", null, 'pcs', [20, 850], [20, 2000], 15, 'flat', ["Fitness and gymnastics equipment"]),
  g('482010', "Paper and paperboard; registers, account books, note books, order books, receipt books, letter pads, memorandum pads, diaries and similar articles", null, 'pcs', [0.5, 6], [2000, 50000], 0.25, 'autumn', ["Notebooks and diaries"]),
  g('851713', "Telephone sets; smartphones for cellular or other wireless networks", null, 'pcs', [80, 950], [50, 5000], 0.2, 'christmas', ["Smartphones"]),
  g('847130', "Automatic data processing machines; portable, weighing not more than 10kg, consisting of at least a central processing unit, a keyboard and a display", null, 'pcs', [250, 2200], [20, 2000], 2, 'christmas', ["Laptops"]),
  g('852872', "Reception apparatus for television, whether or not incorporating radio-broadcast receivers or sound or video recording or reproducing apparatus; incorporating a colour video display or screen", null, 'pcs', [150, 1600], [20, 1500], 12, 'christmas', ["LED television sets"]),
  g('851830', "Headphones and earphones, whether or not combined with a microphone, and sets consisting of a microphone and one or more loudspeakers", null, 'pcs', [3, 220], [200, 20000], 0.15, 'christmas', ["Headphones and earphones"]),
  g('845011', "Washing machines; household or laundry-type, fully-automatic, (of a dry linen capacity not exceeding 10kg)", null, 'pcs', [150, 750], [20, 800], 65, 'flat', ["Washing machines, household"]),
  g('841810', "Refrigerators and freezers; combined refrigerator-freezers, fitted with separate external doors, electric or other", null, 'pcs', [200, 1600], [20, 600], 70, 'summer', ["Refrigerator-freezers"]),
  g('950450', "Games; video game consoles and machines, other than those of subheading 9504.30", null, 'pcs', [150, 650], [20, 2000], 3, 'christmas', ["Video game consoles"]),
  g('852852', "Monitors; other than cathode-ray tube; capable of directly connecting to and designed for use with an automatic data processing machine of heading 84.71", null, 'pcs', [80, 900], [50, 3000], 5, 'flat', ["Computer monitors"]),
  g('841510', "Air conditioning machines; comprising a motor-driven fan and elements for changing the temperature and humidity, of a kind designed to be fixed to a window, wall, ceiling or floor, self-contained or split-system", null, 'pcs', [150, 1600], [20, 1000], 35, 'spring', ["Air conditioners, split systems"]),
  g('870899', "Vehicle parts and accessories; n.e.c. in heading no. 8708", null, 'kg', [3, 32], [500, 10000], 1, 'flat', ["Motor vehicle parts, n.e.s."]),
  g('870830', "Vehicle parts; brakes, servo-brakes and parts thereof", null, 'kg', [3, 16], [500, 10000], 1, 'flat', ["Brake parts for motor vehicles"]),
  g('401110', "Rubber; new pneumatic tyres, of a kind used on motor cars (including station wagons and racing cars)", null, 'pcs', [30, 220], [200, 5000], 9, 'autumn', ["Passenger car tyres"]),
  g('840991', "Engines; parts, suitable for use solely or principally with spark-ignition internal combustion piston engines (for other than aircraft)", null, 'kg', [5, 42], [200, 5000], 1, 'flat', ["Engine parts, spark-ignition"]),
  g('870323', "Vehicles; with only spark-ignition internal combustion reciprocating piston engine, cylinder capacity over 1500 but not over 3000cc", null, 'pcs', [12000, 62000], [2, 60], 1400, 'flat', ["Passenger cars, petrol, 1.5-3 l"]),
  g('870421', "Vehicles; with only compression-ignition internal combustion piston engine (diesel or semi-diesel), for transport of goods, (of a gvw not exceeding 5 tonnes), n.e.c. in item no 8704.1", null, 'pcs', [15000, 85000], [1, 20], 4000, 'flat', ["Diesel trucks, up to 5 t"]),
  g('841381', "Pumps and liquid elevators; n.e.c. in heading no. 8413", null, 'pcs', [100, 5200], [10, 500], 30, 'flat', ["Pumps, n.e.s."]),
  g('842952', "Mechanical shovels, excavators and shovel loaders; with a 360 degree revolving super structure", null, 'pcs', [40000, 420000], [1, 6], 20000, 'spring', ["Crawler excavators"]),
  g('843149', "Machinery; parts of machines handling earth, minerals or ores and n.e.c. in heading no. 8431", null, 'kg', [3, 32], [500, 10000], 1, 'flat', ["Parts of earth-moving machinery"]),
  g('847989', "Machines and mechanical appliances; having individual functions, n.e.c. or included in this chapter", null, 'pcs', [1000, 110000], [1, 30], 800, 'flat', ["Industrial machines, n.e.s."]),
  g('853710', "Boards, panels, consoles, desks and other bases; for electric control or the distribution of electricity, (other than switching apparatus of heading no. 8517), for a voltage not exceeding 1000 volts", null, 'pcs', [50, 8500], [5, 300], 25, 'flat', ["Electrical control panels"]),
];

const BY_CODE = new Map(GOODS.map((x) => [x.hs6, x]));

export function good(hs6: string): Good {
  const x = BY_CODE.get(hs6);
  if (!x) throw new Error(`no good ${hs6} in the catalogue`);
  return x;
}

/** Geometric middle of the price range: the typical unit price of the code. */
export function typicalPrice(x: Good): number {
  return Math.sqrt(x.price[0] * x.price[1]);
}

/** Monthly multipliers (January first) of each seasonal profile. */
export const SEASONS: Record<Season, readonly number[]> = {
  flat: [0.9, 0.9, 1, 1, 1, 1, 0.95, 0.9, 1.05, 1.1, 1.1, 1.1],
  apples: [1.1, 0.9, 0.7, 0.5, 0.4, 0.3, 0.3, 0.6, 1.5, 1.9, 1.9, 1.6],
  citrus: [1.8, 1.7, 1.4, 0.9, 0.5, 0.3, 0.2, 0.2, 0.4, 0.9, 1.6, 2.1],
  summer: [0.3, 0.3, 0.5, 0.8, 1.3, 1.7, 1.9, 1.9, 1.5, 1, 0.5, 0.3],
  harvest: [0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 1.4, 1.9, 1.9, 1.6, 1.1, 0.8],
  winter: [1.2, 1.1, 0.9, 0.7, 0.6, 0.5, 0.5, 0.6, 0.9, 1.3, 1.6, 1.7],
  autumn: [0.7, 0.6, 0.8, 0.9, 0.8, 0.8, 1, 1.4, 1.6, 1.5, 1.1, 0.8],
  spring: [0.6, 1, 1.7, 1.9, 1.6, 1, 0.7, 0.6, 0.6, 0.7, 0.8, 0.6],
  christmas: [0.7, 0.7, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.5, 1.7, 1.3],
};

/**
 * Goods the EU, US and UK stopped exporting to Russia after 24 Feb 2022 (export controls on
 * electronics, machinery, aircraft parts, instruments and vehicles): chapters 84, 85, 87, 88, 90 and
 * every CHPL code. Food, medicines, textiles and most consumer goods go on.
 */
export function restrictedForRussia(x: Good): boolean {
  return x.chpl !== null || ['84', '85', '87', '88', '90'].includes(x.hs6.slice(0, 2));
}
