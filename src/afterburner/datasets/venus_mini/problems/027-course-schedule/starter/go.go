func canFinish(numCourses int, prerequisites [][]int) bool {
	
}
