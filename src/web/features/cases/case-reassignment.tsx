import { operatorsOfService } from "../../../domain/cases/case-operators.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { useUsers } from "../access/users-api.ts";
import { useAssignCase } from "./cases-api.ts";
import { ReassignCaseForm } from "./reassign-case-form.tsx";

type CaseToReassign = { caseId: string; minorPseudonym: string; assignedOperatorId: string | null };

/**
 * The reassignment of one case on the service manager's list: the service's operators come from
 * the people the manager already manages (GET /users), the assignment goes to the case's API.
 */
export function CaseReassignment({
  item,
  serviceCode,
  onDone,
}: {
  item: CaseToReassign;
  serviceCode: string;
  onDone: (operatorName: string) => void;
}) {
  const people = useUsers();
  const assign = useAssignCase(item.caseId);
  if (people.isPending) return <Loading />;
  if (people.error) return <ErrorAlert error={people.error} />;
  const operators = operatorsOfService(people.data, serviceCode);
  return (
    <ReassignCaseForm
      caseId={item.caseId}
      pseudonym={item.minorPseudonym}
      currentOperatorId={item.assignedOperatorId}
      operators={operators}
      assign={async (request) => {
        const result = await assign.mutateAsync(request);
        if (result.status !== "rejected")
          onDone(operators.find((operator) => operator.id === request.operatorId)?.name ?? "");
        return result;
      }}
    />
  );
}
