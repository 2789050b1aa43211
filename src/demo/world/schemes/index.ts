/** Every planted scheme and decoy, in the order of their ids. */
import type { Kit } from './kit.js';
import { addressCluster, phoenixSuccessor, postInvasionRussianFounders } from './registry-schemes.js';
import { falseTransit, forwarderConsignee, goodsInconsistent, listedPartyTrade, priceAnomaly, splitShipments, suddenSurge } from './shipment-schemes.js';
import { endedLinkDecoy, familyPassThrough, layeredOwnership, relativesAcrossRoute, sameOwnerBothSides } from './ties-schemes.js';

export const PLANTERS: ReadonlyArray<(kit: Kit) => void> = [
  sameOwnerBothSides, // S01
  familyPassThrough, // S02
  postInvasionRussianFounders, // S03
  phoenixSuccessor, // S04
  addressCluster, // S05
  falseTransit, // S06
  splitShipments, // S07
  forwarderConsignee, // S08
  goodsInconsistent, // S09
  priceAnomaly, // S10
  layeredOwnership, // S11
  listedPartyTrade, // S12
  relativesAcrossRoute, // S13
  suddenSurge, // S14
  endedLinkDecoy, // D01
];

export function plantSchemes(kit: Kit): void {
  for (const plant of PLANTERS) plant(kit);
}
