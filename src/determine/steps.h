// The rule steps of the decision procedure, by the file that holds them. Each
// step appends its reasons (with the law values it read) and, when it decides,
// sets the decision. Internal to src/determine; determine.cc runs them in order.
#ifndef HIGHFENCE_DETERMINE_STEPS_H_
#define HIGHFENCE_DETERMINE_STEPS_H_

#include "determine/context.h"

namespace highfence::determine {

// prohibitions.cc: licence required whatever the destination. True when it decided.
bool StepPart744(Context& x);  // Part 744 end uses (D15)
bool StepGp10(Context& x);     // General Prohibition 10 guidance chips (D16)

// requirement.cc: whether a licence is required, with the paragraph that says so.
bool Requirement2022(Context& x);
bool Requirement2023(Context& x);       // not model weights
bool RequirementDiffusion(Context& x);  // us-2025-01
// 4E091 under the October 2023 rules: codified but not binding (D3) or not
// enforced (D14); sets no_license_required.
void ModelWeightsNotBinding(Context& x);

// embargo.cc: part 746 (rules.md section 16). StepEmbargo runs before the
// AI-chip derivation (its reasons go first, and it sets x.embargo);
// FinishEmbargo after it, combining the two (D32).
void StepEmbargo(Context& x);
void FinishEmbargo(Context& x);
bool RussiaBelarusInForce(const Context& x);  // 746.8 covers the destination on the date
// The one reason that an embargo leaves out the AI-chip authorizations (D37);
// true when it did.
bool SkipAuthorizations(Context& x);

// party_lists.cc: restricted parties, from the caller's screening
// (Shipment::screening). StepPartyLists runs before the AI-chip derivation (it
// sets x.parties); FinishPartyLists after it and FinishEmbargo.
void StepPartyLists(Context& x);
void FinishPartyLists(Context& x);
// The one reason that a listed party leaves out the authorizations; true when it did.
bool SkipForPartyLists(Context& x);
// Whether the item is subject to the EAR (published model weights are not).
bool SubjectToEar(const Context& x);
// The review policy an Entity List entry's text states: the strictest it names
// (an entry that names several, each for some items, is read at its
// strictest); kNone when it names none ("See §744.2(d) of the EAR").
LicensePolicy PolicyOfEntry(std::string_view text);

// determine.cc: a shipment to the United States, which is not an export (D18).
bool DomesticShipment(const Context& x);

// uae.cc: the July 2026 UAE rule's approved parties. True when it decided.
bool StepUaeApproved(Context& x);

// authorizations.cc, veu.cc: the AI Diffusion rule's exceptions and VEUs;
// true when one was chosen (or the determination needs review).
bool TryAuthorizations(Context& x);
// authorizations_2023.cc: HBM and NAC/ACA under the October 2023 rules.
bool TryAuthorizations2023(Context& x);
// Whether ACA covers an in-country transfer within the destination (740.8(a), D24).
bool AcaCoversTransfer(const Context& x);

// review_policy.cc: the licence review policy when a licence is required.
void Policy2022(Context& x);
void Policy2023(Context& x);
void PolicyDiffusion(Context& x);

// china_band.cc: the 2026 China review band. True when it set the policy.
bool ApplyChinaBand(Context& x);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_STEPS_H_
